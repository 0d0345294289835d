#include "kardashev/core/text.hpp"

namespace kardashev {

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace kardashev
