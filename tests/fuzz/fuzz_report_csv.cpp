// libFuzzer target: the report's CSV readers (timeseries.csv and events.csv, io/report.cpp). The first byte picks
// the file.
#include "fuzz_support.hpp"
#include "report_parts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool events = (data[0] & 1) != 0;
    kardashev::fuzz::expect_only_input_errors([&] {
        (void)kardashev::io::detail::read_report_csv(kardashev::fuzz::as_text(data + 1, size - 1), events);
    });
    return 0;
}
