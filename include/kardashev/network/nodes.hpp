#pragma once
/// Network nodes: ground stations (Hypatia's file format accepted) and satellite shells, including the
/// three shells of Hypatia (Kassing et al., IMC 2020) generated exactly as its TLE generator does.
/// See docs/models/network.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::network {

/// A ground node (city, gateway, user terminal, compute campus) on the WGS-84 ellipsoid.
struct ground_station {
    int id = 0;             //!< identifier from the file (Hypatia: 0-based line number)
    std::string name;       //!< name as in the file ("Manila", "Sao-Paulo")
    orbit::geodetic site;   //!< geodetic latitude, longitude [rad] and height [m]
    bool operator==(const ground_station&) const = default;
};

/// Returns a ground station; throws input_error for a latitude outside [-90, 90] deg or a longitude outside
/// [-180, 360] deg (`where` prefixes the message).
[[nodiscard]] ground_station make_ground_station(int id, std::string name, double lat_deg, double lon_deg,
                                                 double alt_m, std::string_view where = "ground station");

/// Parses Hypatia's ground-station file: one `id,name,latitude_deg,longitude_deg,elevation_m` per line (blank
/// and '#' lines skipped); reports every bad line in one input_error (`file:line:column: ...`).
[[nodiscard]] std::vector<ground_station> parse_ground_stations(std::string_view text, std::string_view file);

/// Reads and parses a ground-station file (parse_ground_stations); input_error when it cannot be read.
[[nodiscard]] std::vector<ground_station> load_ground_stations(const std::filesystem::path& path);

/// Hypatia's 100 most populous cities in its file format (compiled from data/network/, ids 0-99).
[[nodiscard]] std::string_view hypatia_top_100_text();

/// Hypatia's 100 most populous cities as ground stations (the default ground segment).
[[nodiscard]] std::vector<ground_station> hypatia_top_100_stations();

/// Index of the station named `key` (case-insensitive) or with id `key`; input_error naming `key` if none.
[[nodiscard]] std::size_t find_station(std::span<const ground_station> stations, std::string_view key);

/// A Walker shell as Hypatia's generator builds it (RAAN_i = 360 i / O, M_ij = 360 j / S (+ 180 / S on odd
/// planes), e = 1e-7, argument of perigee 0, one shared epoch) with its +Grid and ground-link settings.
struct shell_design {
    std::string name;                      //!< preset name ("starlink-s1")
    int planes = 0;                        //!< orbital planes O
    int sats_per_plane = 0;                //!< satellites per plane S
    double altitude_m = 0.0;               //!< altitude above Hypatia's Earth radius 6378135 m [m]
    double inclination_rad = 0.0;          //!< [rad]
    double mean_motion_rev_per_day = 0.0;  //!< Kozai mean motion in the TLE [rev/d]
    int isl_shift = 0;                     //!< +Grid inter-plane shift: (i, j) links (i + 1, j + shift)
    double min_elevation_rad = 0.0;        //!< Hypatia's label for the ground-link mask [rad]
    double max_gsl_range_m = 0.0;          //!< Hypatia's maximum ground-satellite slant range [m]
    bool operator==(const shell_design&) const = default;
};

/// Hypatia's shells: "starlink-s1" (72 x 22, 550 km, 53 deg), "kuiper-k1" (34 x 34, 630 km, 51.9 deg),
/// "telesat-t1" (27 x 13, 1015 km, 98.98 deg); nullopt for another name.
[[nodiscard]] std::optional<shell_design> shell_preset(std::string_view name);

/// Names of the shell presets, comma-separated.
[[nodiscard]] std::string shell_preset_names();

/// Hypatia's epoch of its generated shells, 2000-01-01 00:00:00 UTC.
[[nodiscard]] epoch hypatia_epoch();

/// The shell's SGP4 element sets as Hypatia writes them (angles printed to 1e-4 deg, e = 1e-7, B* = 0),
/// plane by plane (satellite i * S + j), catalogue numbers from 1, all at `epoch_time`.
[[nodiscard]] std::vector<orbit::element_set> shell_element_sets(const shell_design& shell,
                                                                 epoch epoch_time = hypatia_epoch());

/// A designed Walker-delta shell (orbit::walker_shell, phasing f) as SGP4 element sets (orbit::designed_element_set)
/// at `epoch_time`; altitude above the WGS-84 equatorial radius.
[[nodiscard]] std::vector<orbit::element_set> walker_element_sets(int planes, int sats_per_plane, int phasing,
                                                                  double altitude_m, double inclination_rad,
                                                                  epoch epoch_time);

}  // namespace kardashev::network
