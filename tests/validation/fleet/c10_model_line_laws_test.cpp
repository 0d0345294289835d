// Source: Baniodeh et al., "Scaling Laws of Motion Forecasting and Planning", Waymo, arXiv 2506.08228 (2025);
// Villalobos et al., Epoch AI, arXiv 2211.04325 (2024); Lin et al., ICLR 2025, arXiv 2410.18647. Copied figures:
// tests/data/lines (README names each).
//
// The driving line's law is a Chinchilla form whose compute-optimal exponents must fall inside Waymo's fitted
// N_opt ~ C^(0.63 +- 0.08) and D_opt ~ C^(0.44 +- 0.06) when measured as Waymo did, by a log-log fit over 7
// budgets spanning two orders of magnitude, and whose optimal model is "about 50x" smaller than the LLM's.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kardashev/fleet/model_line.hpp"

namespace {

using namespace kardashev;

struct fitted {
    double value = 0.0, error = 0.0;
};

std::map<std::string, fitted> read_waymo() {
    std::ifstream in(std::string(KD_TEST_DATA_DIR) + "/lines/waymo_2025_compute_optimal.csv");
    std::map<std::string, fitted> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::stringstream row(line);
        std::string name, value, error;
        std::getline(row, name, ',');
        std::getline(row, value, ',');
        std::getline(row, error, ',');
        out[name] = {std::stod(value), error.empty() ? 0.0 : std::stod(error)};
    }
    return out;
}

/// Least-squares slope of ln y on ln x.
double log_slope(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    double mx = 0.0, my = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += std::log(x[i]) / n;
        my += std::log(y[i]) / n;
    }
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (std::log(x[i]) - mx) * (std::log(y[i]) - my);
        sxx += (std::log(x[i]) - mx) * (std::log(x[i]) - mx);
    }
    return sxy / sxx;
}

/// Waymo's sweep: 7 budgets over two orders of magnitude, centred on the calibration compute.
std::vector<double> sweep_budgets() {
    std::vector<double> out;
    for (int i = 0; i < 7; ++i) out.push_back(fleet::waymo_calibration_flop * std::pow(10.0, -1.0 + i / 3.0));
    return out;
}

TEST(c10_model_lines, driving_law_optimal_size_grows_as_waymo_fitted) {
    const auto waymo = read_waymo();
    const auto law = fleet::line_law(fleet::line_law_kind::waymo_motion);
    std::vector<double> params, tokens;
    const auto budgets = sweep_budgets();
    for (const double c : budgets) {
        const auto a = fleet::compute_optimal(law, c);
        params.push_back(a.params);
        tokens.push_back(a.tokens);
    }
    // Tolerance: the paper's stated error on each fitted exponent.
    EXPECT_NEAR(log_slope(budgets, params), waymo.at("n_opt_exponent").value, waymo.at("n_opt_exponent").error);
    EXPECT_NEAR(log_slope(budgets, tokens), waymo.at("d_opt_exponent").value, waymo.at("d_opt_exponent").error);
}

TEST(c10_model_lines, driving_model_grows_about_1_5x_as_fast_as_its_data) {
    const auto law = fleet::line_law(fleet::line_law_kind::waymo_motion);
    const double ratio = law.beta / law.alpha;  // N_opt exponent over D_opt exponent
    // Tolerance: Waymo's own exponents give 0.63 / 0.44 = 1.43 for the stated "1.5x"; +- 0.1 covers both.
    EXPECT_NEAR(ratio, 1.5, 0.1);
}

TEST(c10_model_lines, driving_optimum_is_about_50x_smaller_than_the_llm_over_the_sweep) {
    const auto waymo = read_waymo();
    const auto motion = fleet::line_law(fleet::line_law_kind::waymo_motion);
    const auto text = fleet::line_law(fleet::line_law_kind::epoch);
    for (const double c : sweep_budgets()) {
        const double ratio = fleet::compute_optimal(text, c).params / fleet::compute_optimal(motion, c).params;
        // Tolerance: "about 50x" read as within 25 %: the two laws' size exponents differ by 0.08, so the ratio
        // moves by 10^(2 x 0.079) = 1.44 over the sweep's two decades.
        EXPECT_GT(ratio, 0.75 * waymo.at("llm_size_ratio").value) << c;
        EXPECT_LT(ratio, 1.25 * waymo.at("llm_size_ratio").value) << c;
    }
}

TEST(c10_model_lines, language_stock_is_epoch_ai_central_estimate) {
    // Tolerance: exact; the constant is the published central 300 T.
    EXPECT_DOUBLE_EQ(fleet::epoch_text_stock_tokens, 300e12);
}

TEST(c10_model_lines, robotics_law_follows_lin_et_al_environment_pairs) {
    GTEST_SKIP() << "Lin et al. (ICLR 2025, arXiv 2410.18647) fit success against environment-object pairs (their "
                    "Figure 5: a power law in pairs, not in loss against parameters, data and compute); the fitted "
                    "coefficients are in the figure's legend, which no source we hold quotes. Searched (Dec 2026): "
                    "arxiv.org/html pages of 2410.18647, of Pearce et al. 2024 (arXiv 2411.04434, ICML 2025: "
                    "Chinchilla-form laws for behaviour cloning) and of Tuyls et al. 2023 (arXiv 2307.09423), "
                    "their OpenReview and PMLR pages, and public repositories: only the papers' openings were "
                    "readable, and Pearce et al.'s fitted table only through a secondary summary (BC-CNN "
                    "N_opt ~ C^0.66, D_opt ~ C^0.34), not the primary. So the robotics line keeps the waymo_motion "
                    "law (docs/models/fleet.md \"Model lines\")";
}

}  // namespace
