#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "sweep_parts.hpp"

namespace kardashev::io::detail {

sweep_journal::sweep_journal(const std::filesystem::path& path, std::size_t samples)
    : m_outcomes(samples), m_done(samples, false) {
    std::string text;
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    std::size_t good = 0;  // bytes of whole lines read
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        if (end == std::string::npos) break;
        const std::string_view line(text.data() + at, end - at);
        const auto tab = line.find('\t');
        try {
            const auto index = static_cast<std::size_t>(std::stoull(std::string(line.substr(0, tab))));
            if (tab == std::string_view::npos || index >= samples) break;
            m_outcomes[index] = study::decode_outcome(line.substr(tab + 1));
            if (!m_done[index]) ++m_count;
            m_done[index] = true;
        } catch (const std::exception&) {
            break;
        }
        at = end + 1;
        good = at;
    }
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0 || ::ftruncate(m_fd, static_cast<off_t>(good)) != 0) {
        throw input_error(fmt::format("{}: cannot write the sweep's journal: {}", path.string(), std::strerror(errno)));
    }
}

sweep_journal::~sweep_journal() {
    if (m_fd >= 0) ::close(m_fd);
}

void sweep_journal::append(std::size_t index, const study::sample_outcome& outcome) {
    const std::string line = fmt::format("{}\t{}\n", index, study::encode_outcome(outcome));
    if (::write(m_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        throw input_error(fmt::format("cannot write the sweep's journal: {}", std::strerror(errno)));
    }
    m_outcomes[index] = outcome;
    if (!m_done[index]) ++m_count;
    m_done[index] = true;
}

}  // namespace kardashev::io::detail
