#pragma once
/// Two-line element sets (TLE): parsing with checksums, Alpha-5 catalogue numbers and exact epochs.
///
/// Format: Space-Track "Two-Line Element Set Format"; Vallado et al. 2006 (AIAA 2006-6753) app. A.
/// Errors are kardashev::input_error with compiler-style text `file:line:column: what: expected X, got Y`.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"

namespace kardashev::orbit {

/// One element set: the SGP4 mean elements of a TLE, in the units SGP4 works in.
struct element_set {
    std::string name;                          //!< title line (line 0) without a leading "0 "; empty if none
    std::uint32_t catalogue_number = 0;        //!< NORAD number, 0..339999 (Alpha-5 "A0000" = 100000)
    char classification = 'U';                 //!< 'U', 'C' or 'S'
    std::string international_designator;      //!< columns 10-17 of line 1, trimmed ("58002B")
    epoch epoch_time;                          //!< element epoch (the TLE gives UTC)
    int epoch_year = 2000;                     //!< four-digit UTC year of the epoch (two-digit years: 57-99 -> 19xx)
    double epoch_day_of_year = 1.0;            //!< UTC day of year with fraction [d], 1.0 = 1 January 0h
    double epoch_days_since_1949_12_31 = 0.0;  //!< UTC days since 1949-12-31 0h (SGP4's "epoch") [d]
    double mean_motion_dot_rad_per_min2 = 0.0;   //!< ndot/2 as the TLE gives it [rad/min^2] (not used by SGP4)
    double mean_motion_ddot_rad_per_min3 = 0.0;  //!< nddot/6 as the TLE gives it [rad/min^3] (not used by SGP4)
    double bstar_per_earth_radii = 0.0;        //!< B* drag term [1/earth radii]
    int ephemeris_type = 0;                    //!< column 63 of line 1 (0 = SGP4)
    int element_set_number = 0;                //!< columns 65-68 of line 1
    double inclination_rad = 0.0;              //!< mean inclination [rad]
    double raan_rad = 0.0;                     //!< mean right ascension of the ascending node [rad]
    double eccentricity = 0.0;                 //!< mean eccentricity [-]
    double arg_perigee_rad = 0.0;              //!< mean argument of perigee [rad]
    double mean_anomaly_rad = 0.0;             //!< mean anomaly [rad]
    double mean_motion_rad_per_min = 0.0;      //!< Kozai mean motion [rad/min]
    std::int64_t revolution_number = 0;        //!< revolutions at epoch, columns 64-68 of line 2
    bool operator==(const element_set&) const = default;
};

/// Options of the TLE reader.
struct tle_options {
    bool verify_checksums = true;  //!< reject a line whose column 69 is not its modulo-10 checksum
};

/// Returns the modulo-10 checksum of columns 1-68 of a TLE line (digits count their value, '-' counts 1).
[[nodiscard]] int tle_checksum(std::string_view line);

/// Returns the catalogue number of a five-character field: digits, or Alpha-5 (letter A-Z without I, O, then
/// four digits); throws input_error naming the field when it is neither.
[[nodiscard]] std::uint32_t parse_catalogue_number(std::string_view field);

/// Parses lines 1 and 2 of a TLE (columns past 69 are ignored); `file` and `first_line` place the errors.
[[nodiscard]] element_set parse_tle(std::string_view line1, std::string_view line2, std::string_view file = "<tle>",
                                    int first_line = 1, const tle_options& options = {});

/// Parses a catalogue of TLEs (two- or three-line form, blank and '#' lines skipped); reports every bad record
/// in one input_error, one diagnostic per line of its message.
[[nodiscard]] std::vector<element_set> parse_tle_catalogue(std::string_view text, std::string_view file = "<tle>",
                                                           const tle_options& options = {});

/// Parses OMM records (CCSDS Orbit Mean-elements Message keys as CelesTrak serves them: OBJECT_NAME, OBJECT_ID,
/// EPOCH, MEAN_MOTION [rev/d], ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY [deg],
/// EPHEMERIS_TYPE, CLASSIFICATION_TYPE, NORAD_CAT_ID, ELEMENT_SET_NO, REV_AT_EPOCH, BSTAR, MEAN_MOTION_DOT,
/// MEAN_MOTION_DDOT) from a JSON array of flat objects; reports every bad record in one input_error.
[[nodiscard]] std::vector<element_set> parse_omm_json(std::string_view text, std::string_view file = "<omm>");

/// Parses OMM records from CSV with a header row of the same keys; reports every bad record in one input_error.
[[nodiscard]] std::vector<element_set> parse_omm_csv(std::string_view text, std::string_view file = "<omm>");

/// Parses element sets in any of the three forms: OMM JSON (text starts with '[' or '{'), OMM CSV (first line
/// holds NORAD_CAT_ID) or TLE.
[[nodiscard]] std::vector<element_set> parse_element_sets(std::string_view text, std::string_view file,
                                                          const tle_options& options = {});

/// Reads and parses a catalogue file of TLEs, OMM JSON or OMM CSV (parse_element_sets); throws input_error
/// when it cannot be read or has bad records.
[[nodiscard]] std::vector<element_set> load_tle_catalogue(const std::filesystem::path& path,
                                                          const tle_options& options = {});

}  // namespace kardashev::orbit
