#pragma once
// Private: one satellite's SGP4 state in SI for the geometry searches (eclipse, passes).

#include <string>
#include <string_view>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit::detail {

/// TEME state [m, m/s] of satellite 0 of `prop` (built from `set`) at `tsince_min`; throws domain_error naming
/// `what` and the satellite when SGP4 reports a failed state.
inline state_vector sgp4_state_or_throw(const sgp4_propagator& prop, const element_set& set, double tsince_min,
                                        std::string_view what) {
    const teme_state st = prop.propagate(0, tsince_min);
    if (st.status != sgp4_status::ok) {
        throw domain_error(std::string(what) + ": SGP4 stopped for catalogue number " +
                           std::to_string(set.catalogue_number) + " at " + std::to_string(tsince_min) +
                           " min from its epoch: " + std::string(to_string(st.status)));
    }
    return state_vector{scale(st.r_teme_km, 1000.0), scale(st.v_teme_km_s, 1000.0)};
}

}  // namespace kardashev::orbit::detail
