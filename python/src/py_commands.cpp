// kardashev.size, train and eclipse: the library calls of `kardashev size --json`, `train --json` and `eclipse --json`,
// returning the same JSON text (kardashev/__init__.py parses it into a dict with the CLI's keys).

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "kardashev/compute/training_plan.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/io/eclipse_request.hpp"
#include "kardashev/io/site_sizing.hpp"
#include "kardashev/io/training_report.hpp"
#include "kardashev/io/training_request.hpp"

namespace kardashev::python {

namespace {

using key_values = std::vector<std::pair<std::string, std::string>>;

std::string size_json(const io::site_request& request) {
    auto out = std::make_shared<std::string>();
    call_interruptibly([request, out] {
        const economy::site_inputs in = io::site_inputs_of(request);
        *out = io::site_design_json(in, economy::design_site(in));
    });
    return *out;
}

std::string train_json(const io::training_options& options, bool explain) {
    auto out = std::make_shared<std::string>();
    call_interruptibly([options, explain, out] {
        const compute::training_request request = io::training_request_of(options);
        *out = io::training_json(request, compute::plan_training(request), explain);
    });
    return *out;
}

std::string eclipse_json(const io::eclipse_request& request) {
    auto out = std::make_shared<std::string>();
    call_interruptibly([request, out] { *out = io::eclipse_json(io::eclipse_of(request)); });
    return *out;
}

}  // namespace

void bind_commands(py::module_& m) {
    m.def("_size", [](const std::string& site, const std::string& it_power, const std::string& orbit,
                      const std::string& launch_price, const std::string& launcher, const key_values& sets) {
        return size_json({site, it_power, orbit, launch_price, launcher, sets});
    });
    m.def("_train", [](const py::dict& kw, const std::vector<std::string>& sets, bool explain) {
        io::training_options o;
        const auto text = [&](const char* k, std::string& v) { if (kw.contains(k)) v = kw[k].cast<std::string>(); };
        const auto number = [&](const char* k, int& v) { if (kw.contains(k)) v = kw[k].cast<int>(); };
        text("params", o.params);
        text("tokens", o.tokens);
        text("accelerator", o.accelerator);
        text("layout", o.layout);
        text("site", o.site);
        number("layers", o.layers);
        number("hidden", o.hidden);
        number("heads", o.heads);
        number("kv_heads", o.kv_heads);
        number("ffn", o.ffn);
        number("seq", o.seq);
        number("vocab", o.vocab);
        number("experts", o.experts);
        number("top_k", o.top_k);
        number("shared_experts", o.shared_experts);
        number("count", o.count);
        number("trials", o.trials);
        if (kw.contains("gelu")) o.gelu = kw["gelu"].cast<bool>();
        if (kw.contains("search")) o.search = kw["search"].cast<bool>();
        if (kw.contains("seed")) o.seed = kw["seed"].cast<std::uint64_t>();
        o.sets = sets;
        return train_json(o, explain);
    });
    m.def("_eclipse", [](const py::dict& kw) {
        io::eclipse_request r;
        const auto text = [&](const char* k, std::string& v) { if (kw.contains(k)) v = kw[k].cast<std::string>(); };
        text("altitude", r.altitude);
        text("ltan", r.ltan);
        text("inclination", r.inclination);
        text("raan", r.raan);
        text("tle", r.tle);
        text("start", r.start);
        text("shadow", r.shadow);
        text("method", r.method);
        text("step", r.step);
        if (kw.contains("sso")) r.sso = kw["sso"].cast<bool>();
        if (kw.contains("id")) r.id = kw["id"].cast<std::int64_t>();
        if (kw.contains("days")) r.days = kw["days"].cast<double>();
        return eclipse_json(r);
    });
}

}  // namespace kardashev::python
