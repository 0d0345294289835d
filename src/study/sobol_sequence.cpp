#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "embedded.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/study/sampler.hpp"

namespace kardashev::study {

namespace {

constexpr int bits = 32;

/// One dimension's row of the Joe & Kuo table: degree s, coefficients a, initial direction numbers m.
struct direction_row {
    unsigned degree = 0;
    unsigned coefficients = 0;
    std::vector<std::uint32_t> initial;
};

/// The rows of data/sobol/new-joe-kuo-6.21201.head, dimension 2 first.
const std::vector<direction_row>& direction_rows() {
    static const std::vector<direction_row> rows = [] {
        std::vector<direction_row> out;
        std::istringstream in{std::string(detail::sobol_direction_numbers)};
        std::string header;
        std::getline(in, header);
        unsigned d = 0;
        direction_row row;
        while (in >> d >> row.degree >> row.coefficients) {
            row.initial.assign(row.degree, 0);
            for (auto& m : row.initial) in >> m;
            out.push_back(row);
        }
        return out;
    }();
    return rows;
}

/// Direction numbers v_1..v_32 scaled by 2^32 (Joe & Kuo 2008 sec. 2; Bratley & Fox 1988 eq. 1):
/// v_i = m_i / 2^i, and past the degree s the recurrence
/// m_i = 2 a_1 m_{i-1} xor 4 a_2 m_{i-2} xor ... xor 2^{s-1} a_{s-1} m_{i-s+1} xor 2^s m_{i-s} xor m_{i-s}.
std::vector<std::uint32_t> directions(std::size_t dimension) {
    std::vector<std::uint32_t> v(bits + 1, 0);
    if (dimension == 0) {
        for (int i = 1; i <= bits; ++i) v[i] = 1u << (bits - i);  // every m_i = 1
        return v;
    }
    const auto& row = direction_rows()[dimension - 1];
    const unsigned s = row.degree;
    for (unsigned i = 1; i <= s && i <= bits; ++i) v[i] = row.initial[i - 1] << (bits - i);
    for (unsigned i = s + 1; i <= bits; ++i) {
        v[i] = v[i - s] ^ (v[i - s] >> s);
        for (unsigned k = 1; k + 1 <= s; ++k) {
            if ((row.coefficients >> (s - 1 - k)) & 1u) v[i] ^= v[i - k];
        }
    }
    return v;
}

}  // namespace

std::size_t sobol_max_dimension() { return direction_rows().size() + 1; }

sobol_sequence::sobol_sequence(std::size_t dimension) : m_dimension(dimension), m_state(dimension, 0) {
    if (dimension < 1 || dimension > sobol_max_dimension()) {
        throw input_error(fmt::format("Sobol sequences here reach {} dimensions (data/sobol/SOURCE.md), asked for {}",
                                      sobol_max_dimension(), dimension));
    }
    for (std::size_t j = 0; j < dimension; ++j) m_directions.push_back(directions(j));
}

std::vector<double> sobol_sequence::next() {
    std::vector<double> point(m_dimension);
    for (std::size_t j = 0; j < m_dimension; ++j) point[j] = static_cast<double>(m_state[j]) * 0x1.0p-32;
    // Gray-code order (Antonov & Saleev 1979): point n+1 = point n xor v_c, c the position of the lowest zero
    // bit of n (1-based).
    int c = 1;
    for (std::uint64_t n = m_index; n & 1u; n >>= 1) ++c;
    if (c > bits) throw input_error("a Sobol sequence here has at most 2^32 points");
    for (std::size_t j = 0; j < m_dimension; ++j) m_state[j] ^= m_directions[j][static_cast<std::size_t>(c)];
    ++m_index;
    return point;
}

}  // namespace kardashev::study
