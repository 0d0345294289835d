// Hill-Clohessy-Wiltshire relative motion and compact clusters.

#include "kardashev/orbit/hcw.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

hcw_state hcw_propagate(const hcw_state& s0, double n, double t) noexcept {
    const double c = std::cos(n * t), s = std::sin(n * t);
    const double x0 = s0.r_rsw[0], y0 = s0.r_rsw[1], z0 = s0.r_rsw[2];
    const double xd = s0.v_rsw[0], yd = s0.v_rsw[1], zd = s0.v_rsw[2];
    hcw_state out;
    // Clohessy & Wiltshire 1960; Vallado 2013 eq. 6-66 (x radial, y along-track, z cross-track).
    out.r_rsw = {(4.0 - 3.0 * c) * x0 + s / n * xd + 2.0 / n * (1.0 - c) * yd,
                 6.0 * (s - n * t) * x0 + y0 - 2.0 / n * (1.0 - c) * xd + (4.0 * s - 3.0 * n * t) / n * yd,
                 c * z0 + s / n * zd};
    out.v_rsw = {3.0 * n * s * x0 + c * xd + 2.0 * s * yd,
                 -6.0 * n * (1.0 - c) * x0 - 2.0 * s * xd + (4.0 * c - 3.0) * yd,
                 -n * s * z0 + c * zd};
    return out;
}

hcw_state hcw_bounded(double x0, double y0, double z0, double n) noexcept {
    // Bounded centred ellipse x = A cos(nt + p), y = -2 A sin(nt + p): ydot0 = -2 n x0 removes the secular
    // along-track drift (coefficient -6 n x0 - 3 ydot0 of t in eq. 6-66); xdot0 = n y0 / 2 centres it.
    return {{x0, y0, z0}, {0.5 * n * y0, -2.0 * n * x0, 0.0}};
}

std::vector<hcw_state> compact_cluster(int count, double radius_m, double n) {
    if (count < 1) throw input_error("cluster: expected at least one satellite, got " + std::to_string(count));
    if (!(radius_m > 0.0)) throw input_error("cluster: expected a positive radius, got " + std::to_string(radius_m) + " m");
    // Largest square-lattice spacing d (in units of R) whose points inside the unit disc number >= count.
    auto points = [](double d) {
        std::vector<std::pair<double, double>> pts;
        const int m = static_cast<int>(std::floor(1.0 / d));
        for (int i = -m; i <= m; ++i)
            for (int j = -m; j <= m; ++j) {
                const double u = i * d, v = j * d;
                if (u * u + v * v <= 1.0 + 1e-12) pts.emplace_back(u, v);
            }
        std::stable_sort(pts.begin(), pts.end(), [](const auto& p, const auto& q) {
            return p.first * p.first + p.second * p.second < q.first * q.first + q.second * q.second;
        });
        return pts;
    };
    double d = 1.0;
    auto pts = points(d);
    while (pts.size() < static_cast<std::size_t>(count)) {
        d *= 0.99;
        pts = points(d);
    }
    std::vector<hcw_state> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
        // Lattice point (u, v) in the unit disc -> along-track y = R v, radial x = R u / 2 (the 2:1 ellipse).
        const auto [u, v] = pts[static_cast<std::size_t>(k)];
        out.push_back(hcw_bounded(0.5 * radius_m * u, radius_m * v, 0.0, n));
    }
    return out;
}

std::vector<kepler_elements> cluster_elements(const kepler_elements& reference, std::span<const hcw_state> members,
                                              const gravity_model& g) {
    const state_vector ref = to_state(reference, g);
    // RSW unit vectors of the reference (Vallado 2013 sec. 3.3: R radial, S along-track, W orbit normal).
    const vec3 x_hat = detail::scale(ref.r_m, 1.0 / detail::norm(ref.r_m));
    const vec3 h = detail::cross(ref.r_m, ref.v_m_s);
    const vec3 z_hat = detail::scale(h, 1.0 / detail::norm(h));
    const vec3 y_hat = detail::cross(z_hat, x_hat);
    const double n = mean_motion_rad_s(reference.a_m, g);
    auto to_inertial = [&](const vec3& rsw) {
        return detail::add(detail::add(detail::scale(x_hat, rsw[0]), detail::scale(y_hat, rsw[1])),
                           detail::scale(z_hat, rsw[2]));
    };
    std::vector<kepler_elements> out;
    out.reserve(members.size());
    for (const auto& m : members) {
        const vec3 rho = to_inertial(m.r_rsw);
        // Transport theorem: inertial relative velocity = rotating-frame velocity + omega x rho, omega = n W.
        const vec3 v_rel = detail::add(to_inertial(m.v_rsw), detail::scale(detail::cross(z_hat, rho), n));
        out.push_back(elements_from_state({detail::add(ref.r_m, rho), detail::add(ref.v_m_s, v_rel)}, g));
    }
    return out;
}

}  // namespace kardashev::orbit
