// kardashev.Elements, load_elements and propagate: the batch SGP4 kernel (orbit/sgp4.hpp) filling NumPy arrays.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::python {

namespace {

/// Satellites per kernel call: Ctrl-C is checked between calls (about 0.1 s of work each on one core).
constexpr std::size_t satellites_per_call = 1024;

/// Element sets initialised for SGP4, in blocks of satellites_per_call (one propagator per block).
class elements {
public:
    elements(std::vector<orbit::element_set> sets, orbit::sgp4_mode mode) : m_sets(std::move(sets)) {
        for (std::size_t first = 0; first < m_sets.size(); first += satellites_per_call) {
            const std::size_t n = std::min(satellites_per_call, m_sets.size() - first);
            m_blocks.emplace_back(std::span<const orbit::element_set>(m_sets.data() + first, n), mode);
        }
    }
    elements(const elements&) = delete;
    elements& operator=(const elements&) = delete;
    elements(elements&&) noexcept = default;
    elements& operator=(elements&&) noexcept = default;
    ~elements() = default;
    [[nodiscard]] std::size_t size() const noexcept { return m_sets.size(); }
    [[nodiscard]] const std::vector<orbit::element_set>& sets() const noexcept { return m_sets; }
    [[nodiscard]] const std::vector<orbit::sgp4_propagator>& blocks() const noexcept { return m_blocks; }

private:
    std::vector<orbit::element_set> m_sets;
    std::vector<orbit::sgp4_propagator> m_blocks;
};

orbit::sgp4_mode mode_of(const std::string& mode) {
    if (mode == "improved") return orbit::sgp4_mode::improved;
    if (mode == "afspc") return orbit::sgp4_mode::afspc;
    throw argument_error("mode", fmt::format("expected improved or afspc, got \"{}\"", mode));
}

/// Element sets from a file path, or from TLE / OMM text when `source` holds a line break.
elements load_elements(const std::string& source, const std::string& mode) {
    const orbit::sgp4_mode m = mode_of(mode);
    if (source.find('\n') != std::string::npos) return {orbit::parse_element_sets(source, "<string>"), m};
    return {orbit::load_tle_catalogue(source), m};
}

/// UTC calendar fields -> epoch for a datetime64[ns] value (nanoseconds since 1970-01-01 UTC).
epoch epoch_of_unix_ns(std::int64_t ns) {
    constexpr std::int64_t ns_per_day = 86'400'000'000'000;
    constexpr std::int64_t days_1970_to_2000 = 10'957;
    std::int64_t days = ns / ns_per_day;
    std::int64_t rest = ns % ns_per_day;
    if (rest < 0) {
        rest += ns_per_day;
        --days;
    }
    const civil_date d = civil_from_days_since_2000(days - days_1970_to_2000);
    utc_fields f;
    f.year = d.year;
    f.month = d.month;
    f.day = d.day;
    const std::int64_t s = rest / 1'000'000'000;
    f.hour = static_cast<int>(s / 3600);
    f.minute = static_cast<int>(s / 60 % 60);
    f.second = static_cast<int>(s % 60);
    f.nanosecond = rest % 1'000'000'000;
    return epoch::from_utc(f);
}

/// The times argument: minutes since each satellite's epoch (float), or UTC instants (datetime64).
struct time_grid {
    std::vector<double> tsince_min;
    std::vector<epoch> utc;
    bool absolute = false;
    [[nodiscard]] std::size_t size() const noexcept { return absolute ? utc.size() : tsince_min.size(); }
};

time_grid time_grid_of(const py::array& times) {
    if (times.ndim() != 1) {
        std::string shape;
        for (py::ssize_t i = 0; i < times.ndim(); ++i) shape += fmt::format("{}{}", i ? ", " : "", times.shape(i));
        throw argument_error("times", fmt::format("expected a 1-D array of times, got shape ({})", shape));
    }
    time_grid g;
    const char kind = times.dtype().kind();
    if (kind == 'M') {
        auto ns = py::array_t<std::int64_t, py::array::c_style>::ensure(times.attr("astype")("datetime64[ns]").attr("view")("int64"));
        g.absolute = true;
        for (py::ssize_t i = 0; i < ns.size(); ++i) {
            if (ns.at(i) == std::numeric_limits<std::int64_t>::min())
                throw argument_error("times", fmt::format("element {} is NaT (not a time)", i));
            g.utc.push_back(epoch_of_unix_ns(ns.at(i)));
        }
    } else if (kind == 'f' || kind == 'i' || kind == 'u') {
        auto t = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(times);
        g.tsince_min.assign(t.data(), t.data() + t.size());
    } else {
        throw argument_error("times", fmt::format("expected minutes since each epoch (a float array) or UTC times "
                                                  "(datetime64), got dtype {}", py::str(times.dtype()).cast<std::string>()));
    }
    return g;
}

/// An (n, t, 3) float64 array that is the transpose of a C-ordered (3, n, t) block: the kernel's x, y, z columns.
py::array_t<double> new_vectors(std::size_t n, std::size_t t) {
    py::array_t<double> block({py::ssize_t(3), py::ssize_t(n), py::ssize_t(t)});
    return block.attr("transpose")(1, 2, 0);
}

/// `a` when it is such an (n, t, 3) view (an output of an earlier call); else argument_error naming `what`.
double* vectors_data(const py::object& a, std::size_t n, std::size_t t, const char* what) {
    const auto arr = py::array::ensure(a);
    const auto sz = static_cast<py::ssize_t>(sizeof(double));
    const bool ok = arr && arr.dtype().is(py::dtype::of<double>()) && arr.ndim() == 3 && arr.writeable() &&
                    arr.shape(0) == py::ssize_t(n) && arr.shape(1) == py::ssize_t(t) && arr.shape(2) == 3 &&
                    arr.strides(0) == py::ssize_t(t) * sz && arr.strides(1) == sz && arr.strides(2) == py::ssize_t(n * t) * sz;
    if (!ok)
        throw argument_error(what, fmt::format("expected a writeable float64 array of shape ({}, {}, 3) laid out as "
                                               "propagate returns it (pass an earlier call's output)", n, t));
    return static_cast<double*>(py::array(arr).mutable_data());
}

py::tuple propagate(const elements& sats, const py::array& times, int threads, const py::object& out) {
    const time_grid grid = time_grid_of(times);
    const std::size_t n = sats.size();
    const std::size_t t = grid.size();
    py::object r, v;
    py::array_t<std::uint8_t> status;
    if (out.is_none()) {
        r = new_vectors(n, t);
        v = new_vectors(n, t);
        status = py::array_t<std::uint8_t>({py::ssize_t(n), py::ssize_t(t)});
    } else {
        const auto parts = out.cast<py::tuple>();
        if (parts.size() != 3) throw argument_error("out", "expected the tuple (r, v, status) of an earlier call");
        r = parts[0];
        v = parts[1];
        status = py::array_t<std::uint8_t>::ensure(parts[2]);
        if (!status || status.ndim() != 2 || status.shape(0) != py::ssize_t(n) || status.shape(1) != py::ssize_t(t) ||
            !(status.flags() & py::array::c_style) || !status.writeable())
            throw argument_error("out[2]", fmt::format("expected a writeable C-ordered uint8 array of shape ({}, {})", n, t));
    }
    double* rd = vectors_data(r, n, t, "out[0]");
    double* vd = vectors_data(v, n, t, "out[1]");
    auto* sd = reinterpret_cast<orbit::sgp4_status*>(status.mutable_data());
    const std::size_t plane = n * t;
    std::size_t first = 0;
    for (const auto& block : sats.blocks()) {
        const std::size_t k = block.size() * t;
        const std::size_t at = first * t;
        const orbit::sgp4_batch_output o{{rd + at, k}, {rd + plane + at, k}, {rd + 2 * plane + at, k},
                                         {vd + at, k}, {vd + plane + at, k}, {vd + 2 * plane + at, k}, {sd + at, k}};
        {
            py::gil_scoped_release release;
            if (grid.absolute) block.propagate(std::span<const epoch>(grid.utc), o, {.threads = threads});
            else block.propagate(std::span<const double>(grid.tsince_min), o, {.threads = threads});
        }
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        first += block.size();
    }
    return py::make_tuple(r, v, status);
}

}  // namespace

void bind_propagate(py::module_& m) {
    py::class_<elements>(m, "Elements", "Element sets (TLE or OMM) initialised for SGP4: load once, propagate often.")
        .def("__len__", &elements::size, "Number of element sets.")
        .def_property_readonly("catalogue_numbers", [](const elements& e) {
            std::vector<std::uint32_t> out;
            for (const auto& s : e.sets()) out.push_back(s.catalogue_number);
            return py::array_t<std::uint32_t>(py::ssize_t(out.size()), out.data());
        }, "NORAD catalogue numbers, in file order (uint32 array).")
        .def_property_readonly("names", [](const elements& e) {
            std::vector<std::string> out;
            for (const auto& s : e.sets()) out.push_back(s.name);
            return out;
        }, "Object names (the title lines; '' where none), in file order.");

    m.def("load_elements", &load_elements, py::arg("source"), py::arg("mode") = "improved",
          "Element sets from a TLE, OMM JSON or OMM CSV file (`source` a path), or from such text (`source` holding a "
          "line break), initialised for SGP4 in `mode` 'improved' or 'afspc'. Raises InputError for a bad record.");
    m.def("_propagate", &propagate, py::arg("elements"), py::arg("times"), py::arg("threads") = 0,
          py::arg("out") = py::none());
}

}  // namespace kardashev::python
