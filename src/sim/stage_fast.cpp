// Stage 1 (fast): this step's aggregates from the fast clock (DESIGN.md "Two clocks"; docs/models/sim.md "Fast
// clock").
#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The fast process of an orbit: its sunlit fraction over a window. The circular orbit is placed at
/// the scenario start and precessed by J2; the cylindrical shadow uses the beta-angle form at the
/// centre of each day of the window, the conical one samples the first orbit of the window every 10 s (the
/// beta angle moves less than a degree a day). Both are orbit/eclipse.hpp, validated by O2.
/// The daily beta-angle form's sunlit fraction over [from, to): the days' Suns from `suns` (the table's, so a window's
/// value depends only on the start and its days) when the window is whole days from the start, else eclipse_analytic's
/// own.
double daily_sunlit_fraction(const orbit::kepler_elements& elements, epoch start, epoch from, epoch to,
                             const orbit::eclipse_options& daily, orbit::daily_suns& suns) {
    constexpr std::int64_t day_ns = 86'400'000'000'000;
    const std::int64_t offset = (from - start).ns(), length = (to - from).ns();
    if (offset < 0 || offset % day_ns != 0 || length <= 0 || length % day_ns != 0)
        return orbit::eclipse_analytic(elements, from, to - from, daily).sunlit_fraction;
    std::vector<orbit::vec3> days;
    suns.days(offset / day_ns, length / day_ns, days);
    return orbit::eclipse_analytic(elements, from, to - from, daily, days).sunlit_fraction;
}

fast_clock::window_fn sunlit_window(epoch start, const site_orbit& path) {
    orbit::kepler_elements at_start;
    if (path.sun_synchronous) {
        at_start = orbit::sso_elements(path.altitude_m, path.ltan_h, start);
    } else {
        at_start.a_m = orbit::gravity_model{}.radius_m + path.altitude_m;
        at_start.i_rad = path.inclination_rad;
        at_start.raan_rad = path.raan_rad;
    }
    orbit::eclipse_options options;
    options.shadow = path.shadow;
    auto suns = std::make_shared<orbit::daily_suns>(start);  // shared by the window function's copies
    return [at_start, start, options, suns](epoch from, epoch to) {
        const orbit::kepler_elements elements = orbit::propagate_j2(at_start, (from - start).seconds(), options.gravity);
        fast_aggregate aggregate;
        if (options.shadow == orbit::shadow_model::cylindrical) {
            // The beta-angle form at the centre of each day of the window: the beta angle moves less than a
            // degree a day, so this matches hourly sampling to ~1e-4 (engine_test.cpp).
            orbit::eclipse_options daily = options;
            daily.analytic_step_s = 86'400.0;
            aggregate.sunlit_fraction = daily_sunlit_fraction(elements, start, from, to, daily, *suns);
        } else {
            const duration one_orbit = duration::from_seconds(orbit::orbital_period_s(elements.a_m, options.gravity));
            aggregate.sunlit_fraction =
                orbit::eclipse_sampled(elements, from, std::min(one_orbit, to - from), options).sunlit_fraction;
        }
        return aggregate;
    };
}

/// sunlit_window, each window's fraction kept in `shared` (by the orbit, the start and the window) when given.
fast_clock::window_fn shared_sunlit_window(epoch start, const site_orbit& path, run_cache* shared) {
    auto window = sunlit_window(start, path);
    if (shared == nullptr) return window;
    return [window, start, path, shared](epoch from, epoch to) {
        fast_aggregate aggregate;
        aggregate.sunlit_fraction = shared->sunlit(path, start, from, to, [&] { return window(from, to).sunlit_fraction; });
        return aggregate;
    };
}

/// Whether two orbit sites fly the same orbit (their clusters' links may differ).
bool same_path(const site_orbit& one, const site_orbit& other) {
    return one.altitude_m == other.altitude_m && one.sun_synchronous == other.sun_synchronous &&
           one.ltan_h == other.ltan_h && one.inclination_rad == other.inclination_rad &&
           one.raan_rad == other.raan_rad && one.shadow == other.shadow;
}

}  // namespace

fast_state start_fast(const scenario& input, const uplink_state& uplink, run_cache* shared) {
    // One entity per distinct orbit, windows of one slow step, so aggregates are cached by (orbit, step).
    // Ground sites and the coarse uplink have no fast dynamics.
    fast_state fast{fast_clock(input.start, input.step), std::vector<std::uint32_t>(input.sites.size(), 0), std::nullopt};
    std::vector<std::pair<site_orbit, std::uint32_t>> orbits;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        if (where.kind != site_kind::orbit) continue;
        auto it = std::find_if(orbits.begin(), orbits.end(), [&](const auto& known) { return same_path(known.first, where.orbit); });
        if (it == orbits.end()) {
            orbits.emplace_back(where.orbit, fast.clock.add_entity("orbit/" + where.name, shared_sunlit_window(input.start, where.orbit, shared)));
            it = orbits.end() - 1;
        }
        fast.site_entity[i] = it->second;
    }
    if (uplink.routed)
        fast.uplink_entity = fast.clock.add_entity("network/uplink", uplink.routed->window(input), uplink.routed->key(input));
    return fast;
}

void fast_stage(const step_clock& clock, const scenario& input, fast_state& fast, fast_step& out) {
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        if (where.kind == site_kind::orbit) out.sunlit[i] = fast.clock.aggregate(fast.site_entity[i], clock.start).sunlit_fraction;
        // A lunar site's lit share is constant over the run: the ridge's yearly fraction, or half of each
        // synodic month at the equator; night storage (sized by economy::design_site) carries the dark.
        if (where.kind == site_kind::moon) out.sunlit[i] = where.moon.sunlit_fraction;
    }
    if (fast.uplink_entity) out.uplink_cuts = &fast.clock.aggregate(*fast.uplink_entity, clock.start).delivery;
}

}  // namespace kardashev::sim::detail
