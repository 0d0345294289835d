#include "kardashev/study/distribution.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"

namespace kardashev::study {

namespace {

constexpr std::array<std::string_view, 7> kind_names{"uniform", "log_uniform", "normal", "log_normal",
                                                     "triangular", "choice", "grid"};

/// One argument of "name(a, b, ...)" and the 1-based column where it starts in the whole text.
struct argument {
    std::string_view text;
    int column = 1;
};

[[noreturn]] void fail(int column, const std::string& message) {
    throw input_error(fmt::format("column {}: {}", column, message));
}

/// Splits "a, b, c" into trimmed arguments; a comma inside quotes does not split.
std::vector<argument> split_arguments(std::string_view body, int first_column) {
    std::vector<argument> out;
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        if (i < body.size() && quote != 0) {
            if (body[i] == quote) quote = 0;
            continue;
        }
        if (i < body.size() && (body[i] == '"' || body[i] == '\'')) {
            quote = body[i];
            continue;
        }
        if (i < body.size() && body[i] != ',') continue;
        const std::string_view raw = body.substr(start, i - start);
        const std::string_view t = trim(raw);
        const auto lead = static_cast<int>(t.empty() ? 0 : raw.find(t.front()));
        out.push_back({t, first_column + static_cast<int>(start) + lead});
        start = i + 1;
    }
    return out;
}

/// A number and the unit text after it.
struct number_with_unit {
    double value = 0.0;
    std::string unit;
};

number_with_unit parse_number(const argument& arg) {
    double value = 0.0;
    const char* begin = arg.text.data();
    const char* end = begin + arg.text.size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || !std::isfinite(value)) {
        fail(arg.column, fmt::format("expected a number with its unit (e.g. \"10%\", \"2000 USD/kg\"), got {}",
                                     kardashev::quoted(arg.text)));
    }
    return {value, std::string(trim(std::string_view(ptr, static_cast<std::size_t>(end - ptr))))};
}

std::string unquote(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
        return std::string(text.substr(1, text.size() - 2));
    }
    return std::string(text);
}

std::size_t expected_count(distribution_kind kind) {
    switch (kind) {
        case distribution_kind::uniform:
        case distribution_kind::log_uniform:
        case distribution_kind::normal:
        case distribution_kind::log_normal: return 2;
        case distribution_kind::triangular: return 3;
        default: return 0;
    }
}

/// Checks the parameters' ranges; `column` is the opening parenthesis.
void check_parameters(const distribution& d, int column) {
    const auto& p = d.params;
    const auto name = to_string(d.kind);
    switch (d.kind) {
        case distribution_kind::uniform:
            if (!(p[0] < p[1])) fail(column, fmt::format("{}(low, high): expected low < high", name));
            break;
        case distribution_kind::log_uniform:
            if (!(p[0] > 0.0 && p[0] < p[1])) fail(column, fmt::format("{}(low, high): expected 0 < low < high", name));
            break;
        case distribution_kind::normal:
            if (!(p[1] > 0.0)) fail(column, "normal(mean, sd): expected sd > 0");
            break;
        case distribution_kind::log_normal:
            if (!(p[0] > 0.0 && p[1] > 1.0)) {
                fail(column, "log_normal(median, factor): expected median > 0 and a bare factor > 1 (the geometric sd)");
            }
            break;
        case distribution_kind::triangular:
            if (!(p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2])) {
                fail(column, "triangular(low, mode, high): expected low <= mode <= high and low < high");
            }
            break;
        default: break;
    }
}

/// Reads the numeric arguments: one unit for all (log_normal's factor bare).
void read_numbers(distribution& d, const std::vector<argument>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto n = parse_number(args[i]);
        const bool factor = d.kind == distribution_kind::log_normal && i == 1;
        if (factor) {
            if (!n.unit.empty()) fail(args[i].column, "log_normal's factor is a bare number (the geometric sd)");
        } else if (i == 0) {
            d.unit = n.unit;
        } else if (n.unit != d.unit) {
            fail(args[i].column, fmt::format("expected the unit of the first value ({}), got {}",
                                             kardashev::quoted(d.unit), kardashev::quoted(n.unit)));
        }
        d.params.push_back(n.value);
    }
}

}  // namespace

std::string_view to_string(distribution_kind kind) noexcept { return kind_names[static_cast<std::size_t>(kind)]; }

distribution parse_distribution(std::string_view text) {
    const auto open = text.find('(');
    const std::string_view name = trim(text.substr(0, open));
    const auto known = std::find(kind_names.begin(), kind_names.end(), name);
    if (open == std::string_view::npos || known == kind_names.end()) {
        fail(1, fmt::format("expected a distribution: uniform(low, high), log_uniform(low, high), normal(mean, sd), "
                            "log_normal(median, factor), triangular(low, mode, high), choice(a, b, ...) or "
                            "grid(v1, v2, ...); got {}", kardashev::quoted(text)));
    }
    const auto close = text.rfind(')');
    if (close == std::string_view::npos || close < open || !trim(text.substr(close + 1)).empty()) {
        fail(static_cast<int>(text.size()) + 1, "expected ')' at the end");
    }
    distribution d;
    d.kind = static_cast<distribution_kind>(known - kind_names.begin());
    const int paren = static_cast<int>(open) + 1;
    const auto args = split_arguments(text.substr(open + 1, close - open - 1), paren + 1);
    for (const auto& a : args) {
        if (a.text.empty()) fail(a.column, "expected a value, got nothing");
    }
    const std::size_t want = expected_count(d.kind);
    if (want != 0 && args.size() != want) {
        fail(paren, fmt::format("{} takes {} values, got {}", name, want, args.size()));
    }
    if (d.kind == distribution_kind::choice) {
        for (const auto& a : args) d.choices.push_back(unquote(a.text));
        return d;
    }
    read_numbers(d, args);
    check_parameters(d, paren);
    return d;
}

bool is_discrete(const distribution& d) noexcept {
    return d.kind == distribution_kind::choice || d.kind == distribution_kind::grid;
}

std::size_t level_count(const distribution& d) noexcept {
    if (d.kind == distribution_kind::choice) return d.choices.size();
    if (d.kind == distribution_kind::grid) return d.params.size();
    return 0;
}

double normal_cdf(double x) noexcept { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double normal_quantile(double p) noexcept {
    // Start: Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4); then Halley steps on Phi(x) - p, as Acklam (2003)
    // refines his approximation, to double precision.
    const double tail = std::min(p, 1.0 - p);
    const double t = std::sqrt(-2.0 * std::log(tail));
    double x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1.0 + 1.432788 * t + 0.189269 * t * t +
                                                                     0.001308 * t * t * t);
    if (p < 0.5) x = -x;
    for (int i = 0; i < 3; ++i) {
        const double e = normal_cdf(x) - p;
        const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
        x -= u / (1.0 + 0.5 * x * u);
    }
    return x;
}

double quantile(const distribution& d, double u) {
    // Inside the open interval, so unbounded distributions stay finite.
    u = std::clamp(u, 0x1.0p-53, 1.0 - 0x1.0p-53);
    const auto& p = d.params;
    switch (d.kind) {
        case distribution_kind::uniform: return p[0] + u * (p[1] - p[0]);
        case distribution_kind::log_uniform: return std::exp(std::log(p[0]) + u * (std::log(p[1]) - std::log(p[0])));
        case distribution_kind::normal: return p[0] + p[1] * normal_quantile(u);
        case distribution_kind::log_normal: return p[0] * std::pow(p[1], normal_quantile(u));
        case distribution_kind::triangular: {
            // Inverse CDF of the triangular distribution (Johnson, Kotz & Balakrishnan 1995, ch. 26).
            const double span = p[2] - p[0];
            const double c = (p[1] - p[0]) / span;
            return u < c ? p[0] + std::sqrt(u * span * (p[1] - p[0])) : p[2] - std::sqrt((1.0 - u) * span * (p[2] - p[1]));
        }
        case distribution_kind::choice:
        case distribution_kind::grid: {
            const std::size_t n = level_count(d);
            const auto i = std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
            return d.kind == distribution_kind::grid ? p[i] : static_cast<double>(i);
        }
    }
    return 0.0;
}

std::string value_text(const distribution& d, double u) {
    const double v = quantile(d, u);
    if (d.kind == distribution_kind::choice) return d.choices[static_cast<std::size_t>(v)];
    return d.unit.empty() ? fmt::format("{}", v) : fmt::format("{} {}", v, d.unit);
}

}  // namespace kardashev::study
