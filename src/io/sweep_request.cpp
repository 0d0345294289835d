// The options of `kardashev sweep` -> io::sweep_request (the CLI and kardashev.sweep share it).

#include <algorithm>
#include <utility>

#include "kardashev/io/sweep_io.hpp"

namespace kardashev::io {

sweep_request sweep_request_of(const sweep_options& a, std::size_t default_threads) {
    sweep_request r;
    r.scenario = a.scenario;
    if (!a.sweep_file.empty()) r.spec = load_sweep_file(a.sweep_file);
    for (const auto& v : a.varies) {
        auto in = parse_vary(v);
        std::erase_if(r.spec.inputs, [&](const auto& old) { return old.key == in.key; });
        r.spec.inputs.push_back(std::move(in));
    }
    for (const auto& e : a.events) r.spec.events.push_back(study::parse_event(e));
    r.sets = parse_overrides(a.sets);
    if (!a.method.empty()) r.spec.method = parse_sampling_method(a.method);
    if (a.samples >= 0) r.spec.samples = static_cast<std::size_t>(a.samples);
    if (a.seed >= 0) r.spec.seed = static_cast<std::uint64_t>(a.seed);
    r.threads = a.threads > 0 ? static_cast<std::size_t>(a.threads) : std::max<std::size_t>(default_threads, 1);
    r.out = a.out;
    r.resume = a.resume;
    r.force = a.force;
    r.progress = !a.quiet;
    return r;
}

}  // namespace kardashev::io
