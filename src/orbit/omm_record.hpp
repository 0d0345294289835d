#pragma once
// OMM records as the JSON and CSV readers find them, before conversion to element sets (private to orbit).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kardashev/orbit/tle.hpp"

namespace kardashev::orbit::detail {

/// One OMM value with where it starts in the file.
struct omm_value {
    std::string text;  //!< the value as written; empty for JSON null
    int line = 0;      //!< 1-based line in the file
    int column = 0;    //!< 1-based column in the file
};

/// One OMM record: keys in file order, and where the record starts.
struct omm_record {
    std::vector<std::pair<std::string, omm_value>> fields;  //!< (key, value) in file order
    int line = 0;                                            //!< 1-based line of the record's start
    int column = 0;                                          //!< 1-based column of the record's start
};

/// Throws input_error `file:line:column: message`.
[[noreturn]] void omm_fail(std::string_view file, int line, int column, const std::string& message);

/// Converts records to element sets (the same units and conversions as a TLE) one at a time, as a reader finds
/// them, so that a reader can reuse one record's storage; collects every error before failing.
class element_set_collector {
public:
    explicit element_set_collector(std::string_view file) : m_file(file) {}
    /// Converts `rec`, or keeps its error.
    void add(const omm_record& rec);
    /// The element sets of every record added; throws one input_error with every error, one per line.
    [[nodiscard]] std::vector<element_set> finish();

private:
    std::string_view m_file;
    std::vector<element_set> m_sets;
    std::string m_errors;
};

}  // namespace kardashev::orbit::detail
