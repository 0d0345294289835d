#include "diagnostic_sink.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>
#include <utility>

namespace kardashev::io::detail {

void diagnostic_sink::report(const source_pos& pos, std::string key_path, std::string message) {
    diagnostic d;
    d.file = pos.origin == 0 ? m_file : std::string(overrides_file);
    d.line = pos.line;
    d.column = pos.column;
    d.key_path = std::move(key_path);
    d.message = std::move(message);
    m_entries.push_back({pos, std::move(d)});
}

std::vector<diagnostic> diagnostic_sink::sorted() const {
    std::vector<entry> entries = m_entries;
    std::stable_sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) {
        return std::tie(a.pos.origin, a.pos.line, a.pos.column) < std::tie(b.pos.origin, b.pos.line, b.pos.column);
    });
    std::vector<diagnostic> out;
    out.reserve(entries.size());
    for (auto& e : entries) out.push_back(std::move(e.diag));
    return out;
}

void diagnostic_sink::throw_if_any() const {
    if (!m_entries.empty()) throw scenario_error(sorted());
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
        }
    }
    return row[b.size()];
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::optional<std::string_view> closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
    for (auto c : candidates) {
        if (equal_ignoring_case(word, c)) return c;
    }
    std::optional<std::string_view> best;
    std::size_t best_distance = 3;
    for (auto c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    const auto match = closest_match(word, candidates);
    return match ? "; did you mean " + quoted(*match) + "?" : std::string();
}

std::string join(const std::vector<std::string_view>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += items[i];
    }
    return out;
}

std::string child_path(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string index_path(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

}  // namespace kardashev::io::detail
