#pragma once
/// Points of the unit hypercube [0, 1)^k for a sweep's samples (docs/sweep.md "Sampling"): a full grid, plain
/// Monte Carlo, Latin hypercube, Sobol sequences, Saltelli's design for Sobol indices and Morris trajectories.
/// Every sampler is a pure function of its arguments: the same arguments give the same points.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kardashev::study {

/// One point per row, one coordinate per input.
using point_set = std::vector<std::vector<double>>;

/// How a sweep picks its samples.
enum class sampling_method : std::uint8_t { grid, monte_carlo, latin_hypercube, sobol, saltelli, morris };
/// "grid", "monte_carlo", "latin_hypercube", "sobol", "saltelli", "morris".
std::string_view to_string(sampling_method method) noexcept;

/// Sobol's (1967) low-discrepancy sequence in up to sobol_max_dimension dimensions, with the direction numbers
/// of Joe & Kuo (2008), new-joe-kuo-6.21201 (data/sobol/), in Gray-code order (Antonov & Saleev 1979).
class sobol_sequence {
public:
    /// The sequence in `dimension` dimensions (1 to sobol_max_dimension); throws input_error beyond.
    explicit sobol_sequence(std::size_t dimension);
    /// The next point; the first is the origin.
    std::vector<double> next();

private:
    std::size_t m_dimension;
    std::uint64_t m_index = 0;
    std::vector<std::vector<std::uint32_t>> m_directions;  //!< [dimension][bit] scaled by 2^32
    std::vector<std::uint32_t> m_state;
};
/// The most dimensions the stored direction numbers give.
std::size_t sobol_max_dimension();

/// A full factorial grid: levels[j] values of input j, u = (i + 0.5) / levels[j]; the last input varies fastest.
point_set grid_points(const std::vector<std::size_t>& levels);
/// `n` independent uniform points from the stream "study/monte_carlo" of `seed`.
point_set monte_carlo_points(std::size_t k, std::size_t n, std::uint64_t seed);
/// `n` points of a Latin hypercube (McKay, Beckman & Conover 1979): each input's n strata hit once, a random
/// point within each stratum; stream "study/latin_hypercube" of `seed`.
point_set latin_hypercube_points(std::size_t k, std::size_t n, std::uint64_t seed);
/// Points 1 to n of the Sobol sequence in k dimensions (the origin skipped: it sits on the boundary).
point_set sobol_points(std::size_t k, std::size_t n);
/// Saltelli's (2010) design for n base points: for base point i the rows A_i, AB^(1)_i ... AB^(k)_i, B_i, where
/// A and B are the first and last k coordinates of Sobol points 1 to n in 2k dimensions and AB^(j) is A with its
/// column j from B. n (k + 2) rows.
point_set saltelli_points(std::size_t k, std::size_t n);
/// Morris (1991) trajectories on a p-level grid {0, 1/(p-1), ..., 1}: r trajectories of k + 1 points, each moving
/// one input by delta = p / (2 (p - 1)) (p even) in a random order and direction; stream "study/morris" of `seed`.
point_set morris_points(std::size_t k, std::size_t r, std::size_t levels, std::uint64_t seed);

/// Gaussian copula: maps each point's coordinates through the standard normal quantile, multiplies by the
/// Cholesky factor of `correlation` (k x k, symmetric, positive definite) and maps back through the normal CDF,
/// so the inputs' normal scores carry the given correlation. Throws input_error when it is not positive definite.
void apply_gaussian_copula(point_set& points, const std::vector<std::vector<double>>& correlation);

}  // namespace kardashev::study
