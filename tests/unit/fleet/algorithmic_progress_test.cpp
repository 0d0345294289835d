// Algorithmic progress as an effective-compute multiplier (Ho et al. 2024, arXiv:2403.05812).
#include "kardashev/fleet/algorithmic_progress.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "kardashev/core/error.hpp"

namespace kardashev::fleet {
namespace {

TEST(algorithmic_progress, multiplier_is_one_at_the_start) {
    EXPECT_DOUBLE_EQ(effective_compute_multiplier({}, 0.0), 1.0);
}

TEST(algorithmic_progress, multiplier_doubles_in_exactly_one_halving_time) {
    const algorithmic_progress p{true, 1.0e7};
    EXPECT_DOUBLE_EQ(effective_compute_multiplier(p, 1.0e7), 2.0);
    EXPECT_DOUBLE_EQ(effective_compute_multiplier(p, 3.0e7), 8.0);
    EXPECT_DOUBLE_EQ(effective_compute_multiplier(p, 0.5e7), std::sqrt(2.0));
}

TEST(algorithmic_progress, default_is_ho_et_al_eight_months_about_2_83_a_year) {
    // Ho et al. 2024: 8-month halving; 2^(12/8) = 2.83x a year (research trajectory.md sec. 3).
    EXPECT_NEAR(effective_compute_multiplier({}, constants::julian_year_s), 2.828, 1e-3);
}

TEST(algorithmic_progress, shorter_halving_time_gives_a_larger_multiplier) {
    const double year = constants::julian_year_s;
    EXPECT_GT(effective_compute_multiplier({true, 5.0 / 12.0 * year}, year),
              effective_compute_multiplier({true, 14.0 / 12.0 * year}, year));
}

TEST(algorithmic_progress, off_multiplies_by_one_at_every_date) {
    const algorithmic_progress off{false, ho_halving_time_s};
    EXPECT_EQ(effective_compute_multiplier(off, 10.0 * constants::julian_year_s), 1.0);
}

TEST(algorithmic_progress, non_positive_halving_time_is_a_domain_error) {
    EXPECT_THROW((void)effective_compute_multiplier({true, 0.0}, 1.0), domain_error);
    EXPECT_THROW((void)effective_compute_multiplier({true, -1.0}, 1.0), domain_error);
}

}  // namespace
}  // namespace kardashev::fleet
