// `kardashev view`: the static server on 127.0.0.1 (port 0 picks a free port), content types, 404, refused
// traversal, and a clean exit on SIGTERM.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using kardashev::testing::run_cli;
using kardashev::testing::temp_root;

/// A running `kardashev view` child with its port.
class view_server {
public:
    explicit view_server(const fs::path& run_dir, const std::string& extra = {}) {
        int out[2];
        if (::pipe(out) != 0) return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            const std::string cmd = std::string("exec ") + KD_CLI_PATH + " view " + run_dir.string() + " --port 0" + extra;
            ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        m_out = ::fdopen(out[0], "r");
        char line[512];
        if (m_out != nullptr && std::fgets(line, sizeof line, m_out) != nullptr) {
            m_first_line = line;
            std::smatch m;
            if (std::regex_search(m_first_line, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) m_port = std::stoi(m[1]);
        }
    }
    ~view_server() {
        if (m_pid > 0 && !m_stopped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_out != nullptr) std::fclose(m_out);
    }
    view_server(const view_server&) = delete;
    view_server& operator=(const view_server&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const std::string& first_line() const { return m_first_line; }

    /// Sends SIGTERM; returns the exit code and the rest of stdout.
    std::pair<int, std::string> stop() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_stopped = true;
        std::string rest;
        char buf[512];
        while (m_out != nullptr && std::fgets(buf, sizeof buf, m_out) != nullptr) rest += buf;
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, rest};
    }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
    std::string m_first_line;
    int m_port = 0;
    bool m_stopped = false;
};

/// Sends `request` raw to 127.0.0.1:port and returns the whole response.
std::string http(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return "<no connection>";
    }
    (void)::send(fd, request.data(), request.size(), 0);
    std::string out;
    char buf[8192];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

/// GET `path` as a browser on this machine asks for it (Host: 127.0.0.1:PORT), or with the Host header `host`.
std::string get(int port, const std::string& path, const std::string& host = "") {
    const std::string h = host.empty() ? "127.0.0.1:" + std::to_string(port) : host;
    return http(port, "GET " + path + " HTTP/1.1\r\nHost: " + h + "\r\n\r\n");
}

std::string status_line(const std::string& response) { return response.substr(0, response.find("\r\n")); }

fs::path fake_run(const std::string& name) {
    const auto root = temp_root(name);
    fs::create_directories(root / "run");
    std::ofstream(root / "run" / "scene.czml") << "[{\"id\":\"document\",\"version\":\"1.0\"}]\n";
    std::ofstream(root / "secret.txt") << "outside the run folder";
    return root;
}

TEST(view_cli, serves_the_run_folder_the_globe_and_cesium_on_a_free_port_and_stops_on_sigterm) {
    if (!fs::exists(fs::path(KD_SOURCE_DIR) / "web/node_modules/cesium/Build/Cesium/Cesium.js"))
        GTEST_SKIP() << "CesiumJS is not installed in web/ (tools/setup.sh)";
    const auto root = fake_run("view_serve");
    view_server server(root / "run");
    ASSERT_GT(server.port(), 0) << server.first_line();
    EXPECT_EQ(server.first_line(), "kardashev view: http://127.0.0.1:" + std::to_string(server.port()) + "/ (Ctrl-C to stop)\n");

    const auto czml = get(server.port(), "/scene.czml");
    EXPECT_EQ(status_line(czml), "HTTP/1.1 200 OK");
    EXPECT_NE(czml.find("Content-Type: application/json\r\n"), std::string::npos);
    EXPECT_NE(czml.find("\r\n\r\n[{\"id\":\"document\""), std::string::npos);

    const auto page = get(server.port(), "/");
    EXPECT_EQ(status_line(page), "HTTP/1.1 200 OK");
    EXPECT_NE(page.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(page.find("<script src=\"/globe/globe.js\"></script>"), std::string::npos);

    const auto js = get(server.port(), "/globe/globe.js");
    EXPECT_EQ(status_line(js), "HTTP/1.1 200 OK");
    EXPECT_NE(js.find("Content-Type: text/javascript; charset=utf-8\r\n"), std::string::npos);

    const auto cesium = http(server.port(), "HEAD /cesium/Cesium.js HTTP/1.1\r\nHost: localhost:" + std::to_string(server.port()) + "\r\n\r\n");
    EXPECT_EQ(status_line(cesium), "HTTP/1.1 200 OK");
    EXPECT_EQ(cesium.substr(cesium.size() - 4), "\r\n\r\n");  // HEAD: headers only

    EXPECT_EQ(status_line(get(server.port(), "/missing.html")), "HTTP/1.1 404 Not Found");
    EXPECT_EQ(status_line(get(server.port(), "/../secret.txt")), "HTTP/1.1 403 Forbidden");
    EXPECT_EQ(status_line(get(server.port(), "/%2e%2e/secret.txt")), "HTTP/1.1 403 Forbidden");
    EXPECT_EQ(status_line(get(server.port(), "/cesium/../../../package.json")), "HTTP/1.1 403 Forbidden");
    EXPECT_EQ(status_line(http(server.port(), "POST /scene.czml HTTP/1.1\r\n\r\n")), "HTTP/1.1 405 Method Not Allowed");
    EXPECT_EQ(status_line(http(server.port(), "nonsense\r\n\r\n")), "HTTP/1.1 400 Bad Request");

    const auto [code, rest] = server.stop();
    EXPECT_EQ(code, 0);
    EXPECT_NE(rest.find("kardashev view: stopped\n"), std::string::npos) << rest;
    fs::remove_all(root);
}

TEST(view_cli, refuses_a_host_other_than_127_0_0_1_or_localhost_with_its_port_and_serves_no_dotfiles) {
    if (!fs::exists(fs::path(KD_SOURCE_DIR) / "web/node_modules/cesium/Build/Cesium/Cesium.js"))
        GTEST_SKIP() << "CesiumJS is not installed in web/ (tools/setup.sh)";
    const auto root = fake_run("view_host");
    std::ofstream(root / "run" / ".env") << "SECRET=1";
    fs::create_directories(root / "run" / ".git");
    std::ofstream(root / "run" / ".git" / "config") << "[core]";
    view_server server(root / "run");
    ASSERT_GT(server.port(), 0) << server.first_line();
    const std::string port = std::to_string(server.port());
    // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends its own name.
    for (const std::string& host : std::vector<std::string>{"evil.example:" + port, "evil.example", "127.0.0.1", "localhost:1",
                                                            "127.0.0.1:" + port + "x"})
        EXPECT_EQ(status_line(get(server.port(), "/scene.czml", host)), "HTTP/1.1 421 Misdirected Request") << host;
    EXPECT_EQ(status_line(http(server.port(), "GET /scene.czml HTTP/1.1\r\n\r\n")), "HTTP/1.1 421 Misdirected Request");
    EXPECT_EQ(status_line(get(server.port(), "/scene.czml", "localhost:" + port)), "HTTP/1.1 200 OK");
    EXPECT_EQ(status_line(http(server.port(), "GET /scene.czml HTTP/1.1\r\nhOsT:  127.0.0.1:" + port + " \r\n\r\n")),
              "HTTP/1.1 200 OK");
    for (const char* path : {"/.env", "/.git/config", "/%2eenv", "/globe/.hidden", "/cesium/.npmrc"})
        EXPECT_EQ(status_line(get(server.port(), path)), "HTTP/1.1 403 Forbidden") << path;
    const auto [code, rest] = server.stop();
    EXPECT_EQ(code, 0);
    fs::remove_all(root);
}

TEST(view_cli, missing_run_folder_is_bad_input) {
    const auto o = run_cli("view /nonexistent/kd-run --port 0");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: /nonexistent/kd-run: run folder not found or not a folder\n");
}

TEST(view_cli, web_folder_without_cesium_says_to_run_setup) {
    const auto root = fake_run("view_nocesium");
    fs::create_directories(root / "web" / "globe");
    std::ofstream(root / "web" / "globe" / "index.html") << "<!doctype html>";
    const auto o = run_cli("view " + (root / "run").string() + " --port 0 --web-dir " + (root / "web").string());
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: " + fs::canonical(root / "web").string() +
                         "/node_modules/cesium/Build/Cesium: CesiumJS is not installed; run tools/setup.sh (npm ci in web/)\n");
    fs::remove_all(root);
}

}  // namespace
