#pragma once
/// A run folder served over HTTP/1.1 on 127.0.0.1 with the globe page and CesiumJS, as `kardashev view` does:
/// GET and HEAD only, one request per connection, paths kept inside their roots (docs/view.md).

#include <filesystem>
#include <functional>

namespace kardashev::io {

/// Serves the run folder `run_dir`, and from the web folder `web_dir` the globe page (globe/) and CesiumJS
/// (node_modules/cesium), on 127.0.0.1:`port` (0: a free port) until `stop()` returns true (asked at least four
/// times a second). Prints the URLs when listening and "stopped" at the end on stdout, and with `log` each
/// request's status and target on stderr. Throws input_error for a port outside 0-65535 or one it cannot listen
/// on, and naming a missing run or web folder, globe page or CesiumJS build.
void serve_run_folder(const std::filesystem::path& run_dir, const std::filesystem::path& web_dir, int port, bool log,
                      const std::function<bool()>& stop);

}  // namespace kardashev::io
