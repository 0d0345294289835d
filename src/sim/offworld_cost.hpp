#pragma once
/// The site design's inputs for a scenario site (private to sim): shared by the build-out's cost per accelerator
/// and the summary's design at peak IT power.

#include <utility>
#include <vector>

#include "kardashev/economy/site_design.hpp"
#include "kardashev/sim/run_cache.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim::detail {

/// economy::site_inputs for `where` built around `part` at `it_power_w` [W], priced at `launch_usd_per_kg` to LEO
/// and `spacecraft_usd_per_kg`.
[[nodiscard]] economy::site_inputs design_inputs(const scenario& input, const site& where,
                                                 const compute::accelerator& part, double it_power_w,
                                                 double launch_usd_per_kg, double spacecraft_usd_per_kg);

/// The yearly eclipses of the orbits a run designs (economy::orbit_year_eclipse), each computed once per distinct
/// orbit and start, over an hourly year of Sun positions computed once per start (most of a design's cost): a run
/// designs the same orbit several times (two units per site, the summary's design) and may design several orbits
/// (an orbit site's, a lunar factory's satellites').
class orbit_year_cache {
public:
    /// The yearly eclipse of the orbit of `inputs` (computed on the first ask for its orbit and start).
    const orbit::eclipse_summary& year_of(const economy::site_inputs& inputs);
    /// Takes the years from `shared` (kept there for other runs) instead of computing them; none: computes them.
    void share(run_cache* shared) noexcept { m_shared = shared; }

private:
    run_cache* m_shared = nullptr;
    std::vector<std::pair<economy::orbit_year_key, orbit::eclipse_summary>> m_years;
    std::vector<std::pair<epoch, std::vector<orbit::vec3>>> m_suns;  // per start: the year's Sun, for every orbit
};

/// economy::design_site, the yearly eclipse of an orbit (an orbit site's, a moon site's mass driver's) from `orbits`.
[[nodiscard]] economy::site_design cached_design(const economy::site_inputs& inputs, orbit_year_cache& orbits);

/// cached_design, with a failure rethrown as a domain_error that names the site.
[[nodiscard]] economy::site_design checked_design(const site& where, const economy::site_inputs& inputs,
                                                  orbit_year_cache& orbits);

}  // namespace kardashev::sim::detail
