#pragma once
/// The scene of a scenario for the 3-D globe: satellites sampled over a window, ground and lunar sites, and
/// links, all in the Earth-fixed frame (ECEF, WGS-84). io writes it as CZML (io/czml.hpp). See docs/scene.md.

#include <string>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/vec3.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim {

/// When and how finely the scene is sampled.
struct scene_options {
    duration window = duration::from_seconds(3.0 * 3600.0);  //!< from the scenario start; ~1.8 orbits at 650 km (97.7 min)
    duration step = duration::from_seconds(60.0);            //!< sampling step
    double cluster_radius_m = 1'000.0;                       //!< [m] formation radius (Suncatcher sec. 2.2: 81 satellites within 1 km)
    int satellites_per_cluster = 81;                         //!< satellites drawn per orbit site at most (one formation)
    bool operator==(const scene_options&) const = default;
};

/// One satellite's track: positions at start + k step, k = 0 .. samples-1.
struct scene_satellite {
    std::string id;                    //!< unique, e.g. "orbital-cluster/sat-001"
    std::string site;                  //!< the orbit site it belongs to
    int index = 0;                     //!< 0-based within its site; 0 is the satellite nearest the formation centre
    std::vector<orbit::vec3> r_ecef_m; //!< [m] ECEF, one per sample
    bool operator==(const scene_satellite&) const = default;
};

/// A ground or lunar site. A ground site holds one fixed position; a lunar site one per sample.
struct scene_site {
    std::string id;                    //!< unique, e.g. "site/colossus-1"
    std::string name;                  //!< the scenario's site name
    std::string kind;                  //!< ground or moon
    std::string description;           //!< one line for the info box
    double latitude_rad = 0.0;         //!< [rad] ground: geodetic latitude
    double longitude_rad = 0.0;        //!< [rad] ground: longitude east
    std::vector<orbit::vec3> r_ecef_m; //!< [m] ECEF: one position (ground) or one per sample (moon)
    bool operator==(const scene_site&) const = default;
};

/// A link drawn between two scene objects (satellites or sites), by id.
struct scene_link {
    std::string id;                    //!< unique, e.g. "orbital-cluster/isl-001-002"
    std::string kind;                  //!< "isl" (inter-satellite laser within a cluster); the network layer may add others
    std::string from;                  //!< id of a satellite or site
    std::string to;                    //!< id of a satellite or site
    bool operator==(const scene_link&) const = default;
};

/// Everything the globe shows.
struct scene {
    std::string name;                  //!< the scenario's name
    epoch start;                       //!< first sample
    duration step;                     //!< between samples
    int samples = 0;                   //!< samples per moving object
    std::vector<scene_satellite> satellites;
    std::vector<scene_site> sites;
    std::vector<scene_link> links;
    bool operator==(const scene&) const = default;
};

/// Satellites of an orbit site: ceil(peak IT power / economy::site_inputs::satellite_it_power_w) as
/// economy::design_site counts them, or ceil(peak accelerators / orbit.satellite_size) when that is set;
/// peak IT power is the largest planned accelerators x all-in power, capped by the largest power capacity / PUE.
int orbit_site_satellites(const site& where);

/// The scene of `s` over `options.window` from s.start: each orbit site as one compact formation (orbit::compact_cluster
/// of up to satellites_per_cluster satellites, Kepler + J2 per member) with its lattice-neighbour links, each lunar
/// site on the Moon's surface, each ground site that has a location. Throws domain_error on a non-positive step or window.
scene compose_scene(const scenario& s, const scene_options& options = {});

}  // namespace kardashev::sim
