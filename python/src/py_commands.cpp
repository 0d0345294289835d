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
        keyword(kw, "params", o.params);
        keyword(kw, "tokens", o.tokens);
        keyword(kw, "accelerator", o.accelerator);
        keyword(kw, "layout", o.layout);
        keyword(kw, "site", o.site);
        keyword(kw, "layers", o.layers);
        keyword(kw, "hidden", o.hidden);
        keyword(kw, "heads", o.heads);
        keyword(kw, "kv_heads", o.kv_heads);
        keyword(kw, "ffn", o.ffn);
        keyword(kw, "seq", o.seq);
        keyword(kw, "vocab", o.vocab);
        keyword(kw, "experts", o.experts);
        keyword(kw, "top_k", o.top_k);
        keyword(kw, "shared_experts", o.shared_experts);
        keyword(kw, "count", o.count);
        keyword(kw, "trials", o.trials);
        keyword(kw, "gelu", o.gelu);
        keyword(kw, "search", o.search);
        keyword(kw, "seed", o.seed);
        o.sets = sets;
        return train_json(o, explain);
    });
    m.def("_eclipse", [](const py::dict& kw) {
        io::eclipse_request r;
        keyword(kw, "altitude", r.altitude);
        keyword(kw, "ltan", r.ltan);
        keyword(kw, "inclination", r.inclination);
        keyword(kw, "raan", r.raan);
        keyword(kw, "tle", r.tle);
        keyword(kw, "start", r.start);
        keyword(kw, "shadow", r.shadow);
        keyword(kw, "method", r.method);
        keyword(kw, "step", r.step);
        keyword(kw, "sso", r.sso);
        keyword(kw, "id", r.id);
        keyword(kw, "days", r.days);
        return eclipse_json(r);
    });
}

}  // namespace kardashev::python
