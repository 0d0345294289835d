#include "kardashev/orbit/shadow_model.hpp"

namespace kardashev::orbit {

std::string_view to_string(shadow_model model) noexcept {
    switch (model) {
        case shadow_model::cylindrical: return "cylindrical";
        case shadow_model::conical: return "conical";
    }
    return "cylindrical";
}

}  // namespace kardashev::orbit
