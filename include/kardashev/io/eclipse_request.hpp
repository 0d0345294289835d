#pragma once
/// The options of `kardashev eclipse` (and kardashev.eclipse in Python) and the report they make.

#include <cstdint>
#include <string>

#include "kardashev/io/eclipse_report.hpp"

namespace kardashev::io {

/// What `kardashev eclipse` reads from its options (text with units, as given); the defaults are the CLI's.
struct eclipse_request {
    std::string altitude;                 //!< circular orbit altitude, e.g. "650 km" (with sso or inclination)
    bool sso = false;                     //!< sun-synchronous: inclination from the altitude, node from ltan
    std::string ltan;                     //!< local time of the ascending node "HH:MM" (with sso)
    std::string inclination;              //!< e.g. "53 deg" for a non-SSO circular orbit
    std::string raan = "0 deg";           //!< node at start (TEME), with inclination
    std::string tle;                      //!< element set file (TLE or OMM) instead of a designed orbit
    std::int64_t id = -1;                 //!< catalogue number when tle holds several; -1: none
    std::string start;                    //!< ISO-8601 UTC start (required)
    double days = 0.0;                    //!< [d] length of the period (required, positive)
    std::string shadow = "cylindrical";   //!< cylindrical or conical
    std::string method = "sampled";       //!< sampled or analytic
    std::string step = "10 s";            //!< sampling step of the sampled method
};

/// The eclipse statistics of the orbit `request` describes (a designed circular orbit, or an element set of a TLE or
/// OMM file) over its period; input_error naming the option for a missing, conflicting or bad value.
[[nodiscard]] eclipse_report eclipse_of(const eclipse_request& request);

}  // namespace kardashev::io
