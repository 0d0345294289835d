// A run folder served over HTTP on 127.0.0.1 (io/run_server.hpp).

#include "kardashev/io/run_server.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::io {

namespace {

namespace fs = std::filesystem;

/// Where each URL prefix is served from.
struct server_roots {
    fs::path run;     //!< the run folder: /report.html, /scene.czml, ...
    fs::path globe;   //!< web/globe: / and /globe/...
    fs::path cesium;  //!< web/node_modules/cesium/Build/Cesium: /cesium/...
    int port = 0;     //!< the port listened on: a request's Host names it
};

/// Content type of a file by its extension.
std::string_view content_type(const fs::path& p) {
    const std::string ext = p.extension().string();
    struct entry {
        std::string_view ext, type;
    };
    static constexpr entry types[] = {
        {".html", "text/html; charset=utf-8"},   {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},     {".json", "application/json"},
        {".czml", "application/json"},           {".map", "application/json"},
        {".geojson", "application/geo+json"},    {".csv", "text/csv; charset=utf-8"},
        {".yaml", "text/plain; charset=utf-8"},  {".txt", "text/plain; charset=utf-8"},
        {".md", "text/plain; charset=utf-8"},    {".xml", "application/xml"},
        {".png", "image/png"},                   {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},                 {".gif", "image/gif"},
        {".svg", "image/svg+xml"},               {".ico", "image/x-icon"},
        {".ktx2", "image/ktx2"},                 {".wasm", "application/wasm"},
        {".glb", "model/gltf-binary"},           {".gltf", "model/gltf+json"},
        {".woff", "font/woff"},                  {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},                    {".pdf", "application/pdf"},
    };
    for (const auto& e : types)
        if (e.ext == ext) return e.type;
    return "application/octet-stream";
}

/// Percent-decodes a URL path; nullopt on a malformed escape or a NUL byte.
std::optional<std::string> percent_decode(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(in[i + 2])))
            return std::nullopt;
        const char c = static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16));
        if (c == '\0') return std::nullopt;
        out += c;
        i += 2;
    }
    return out;
}

/// The file a decoded URL path names under `root`, or nullopt when the path is refused: a segment starting with '.',
/// a backslash, or a result outside `root` once symbolic links are resolved.
std::optional<fs::path> resolve_under(const fs::path& root, std::string_view rel) {
    fs::path out = root;
    std::size_t pos = 0;
    while (pos <= rel.size()) {
        const std::size_t slash = rel.find('/', pos);
        const std::string_view seg = rel.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        // NOTE: a segment starting with '.' covers "." and "..", and keeps dotfiles (.git, .env) unserved.
        if ((!seg.empty() && seg.front() == '.') || seg.find('\\') != std::string_view::npos) return std::nullopt;
        if (!seg.empty()) out /= std::string(seg);
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    std::error_code ec;
    const fs::path canon = fs::weakly_canonical(out, ec);
    const fs::path canon_root = fs::weakly_canonical(root, ec);
    if (ec) return std::nullopt;
    const auto rs = canon_root.string();
    const auto cs = canon.string();
    if (cs != rs && cs.rfind(rs.back() == '/' ? rs : rs + "/", 0) != 0) return std::nullopt;
    return out;
}

bool send_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

void send_status(int fd, int code, std::string_view reason, std::string_view body) {
    const std::string head = fmt::format(
        "HTTP/1.1 {} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", code,
        reason, body.size());
    if (send_all(fd, head.data(), head.size())) send_all(fd, body.data(), body.size());
}

/// True when the request's headers `head` (after the request line) hold a Host of 127.0.0.1 or localhost with the
/// server's `port` (DNS rebinding: a page of another site resolved to 127.0.0.1 sends its own name).
bool host_allowed(std::string_view head, int port) {
    for (std::size_t pos = 0; pos < head.size();) {
        const std::size_t end = std::min(head.find("\r\n", pos), head.size());
        const std::string_view header = head.substr(pos, end - pos);
        pos = end + 2;
        const std::size_t colon = header.find(':');
        if (colon != 4) continue;
        std::string name(header.substr(0, 4));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name != "host") continue;
        std::string_view value = header.substr(5);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        return value == fmt::format("127.0.0.1:{}", port) || value == fmt::format("localhost:{}", port) ||
               (port == 80 && (value == "127.0.0.1" || value == "localhost"));
    }
    return false;
}

/// Serves one request on `fd` and returns its status code (0 when nothing could be read).
int serve(int fd, const server_roots& r, std::string& target_out) {
    std::string req;
    char buf[4096];
    while (req.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 0;
        req.append(buf, static_cast<std::size_t>(n));
        if (req.size() > 16384) {
            send_status(fd, 431, "Request Header Fields Too Large", "request header too large\n");
            return 431;
        }
    }
    const std::size_t line_end = req.find("\r\n");
    const std::string_view line(req.data(), line_end);
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.substr(sp2 + 1).rfind("HTTP/1.", 0) != 0) {
        send_status(fd, 400, "Bad Request", "bad request line\n");
        return 400;
    }
    const std::string_view method = line.substr(0, sp1);
    std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    target_out = std::string(target);
    const bool head = method == "HEAD";
    if (method != "GET" && !head) {
        send_status(fd, 405, "Method Not Allowed", "only GET and HEAD\n");
        return 405;
    }
    if (!host_allowed(std::string_view(req).substr(line_end + 2), r.port)) {
        send_status(fd, 421, "Misdirected Request", "Host must be 127.0.0.1 or localhost with this server's port\n");
        return 421;
    }
    target = target.substr(0, target.find_first_of("?#"));
    const auto path = percent_decode(target);
    if (!path || path->empty() || (*path)[0] != '/') {
        send_status(fd, 400, "Bad Request", "bad path\n");
        return 400;
    }
    // / and /globe/... from web/globe, /cesium/... from Cesium's build, anything else from the run folder.
    std::optional<fs::path> file;
    std::string_view p = *path;
    if (p == "/" || p == "/index.html") file = resolve_under(r.globe, "index.html");
    else if (p.rfind("/globe/", 0) == 0) file = resolve_under(r.globe, p.substr(7));
    else if (p.rfind("/cesium/", 0) == 0) file = resolve_under(r.cesium, p.substr(8));
    else file = resolve_under(r.run, p.substr(1));
    if (!file) {
        send_status(fd, 403, "Forbidden", "path refused\n");
        return 403;
    }
    std::error_code ec;
    if (fs::is_directory(*file, ec)) *file /= "index.html";
    std::ifstream in(*file, std::ios::binary);
    if (!fs::is_regular_file(*file, ec) || !in) {
        send_status(fd, 404, "Not Found", "not found\n");
        return 404;
    }
    const auto size = fs::file_size(*file, ec);
    const std::string headers = fmt::format(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n"
        "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        content_type(*file), size);
    if (!send_all(fd, headers.data(), headers.size()) || head) return 200;
    std::vector<char> chunk(1 << 16);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0 || !send_all(fd, chunk.data(), got)) break;
    }
    return 200;
}

/// An existing folder, made absolute; throws input_error naming `what` otherwise.
fs::path existing_dir(const fs::path& p, std::string_view what) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) throw input_error(fmt::format("{}: {} not found or not a folder", p.string(), what));
    return fs::canonical(p);
}

/// A socket listening on 127.0.0.1:`port`; the port it got is written to `port`.
int listen_on(int& port) {
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (server < 0) throw error(fmt::format("view: socket: {}", std::strerror(errno)));
    const int one = 1;
    ::setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(server, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(server, 64) != 0) {
        const std::string why = std::strerror(errno);
        ::close(server);
        throw input_error(fmt::format("--port: cannot listen on 127.0.0.1:{}: {}", port, why));
    }
    socklen_t len = sizeof addr;
    ::getsockname(server, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return server;
}

/// Connections served at once; one more is answered 503.
constexpr int max_connections = 64;

/// The roots of a run folder and a web folder, made absolute; input_error naming what is missing.
server_roots server_roots_of(const fs::path& run_dir, const fs::path& web_dir) {
    server_roots r;
    r.run = existing_dir(run_dir, "run folder");
    const fs::path web = existing_dir(web_dir, "web folder (--web-dir, KARDASHEV_WEB_DIR)");
    r.globe = web / "globe";
    r.cesium = web / "node_modules" / "cesium" / "Build" / "Cesium";
    std::error_code ec;
    if (!fs::is_regular_file(r.globe / "index.html", ec))
        throw input_error(fmt::format("{}: the globe page is missing (expected web/globe/index.html)", (r.globe / "index.html").string()));
    if (!fs::is_regular_file(r.cesium / "Cesium.js", ec))
        throw input_error(fmt::format("{}: CesiumJS is not installed; run tools/setup.sh (npm ci in web/)", r.cesium.string()));
    return r;
}

}  // namespace

void serve_run_folder(const fs::path& run_dir, const fs::path& web_dir, int port, bool log, const std::function<bool()>& stop) {
    if (port < 0 || port > 65535) throw input_error(fmt::format("--port: expected 0 to 65535, got {}", port));
    server_roots r = server_roots_of(run_dir, web_dir);
    const int server = listen_on(port);
    r.port = port;
    fmt::print("kardashev view: http://127.0.0.1:{}/ (Ctrl-C to stop)\n", port);
    fmt::print("  globe  http://127.0.0.1:{}/\n  report http://127.0.0.1:{}/report.html\n  serving {}\n", port, port,
               r.run.string());
    std::fflush(stdout);

    std::atomic<int> active{0};
    while (!stop()) {
        pollfd pfd{server, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 250);
        if (ready <= 0) continue;
        const int client = ::accept4(server, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        timeval tv{10, 0};
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        if (active.load() >= max_connections) {
            send_status(client, 503, "Service Unavailable", "too many connections\n");
            ::close(client);
            continue;
        }
        ++active;
        // One thread per connection, one request per connection (Connection: close).
        std::thread([client, r, &active, log] {
            std::string target;
            const int code = serve(client, r, target);
            ::shutdown(client, SHUT_WR);
            ::close(client);
            if (log && code != 0) fmt::print(stderr, "kardashev view: {} {}\n", code, target);
            --active;
        }).detach();
    }
    ::close(server);
    for (int i = 0; i < 100 && active.load() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    fmt::print("kardashev view: stopped\n");
    std::fflush(stdout);
}

}  // namespace kardashev::io
