#include <gtest/gtest.h>

#include "kardashev/fleet/model_line.hpp"

namespace {

using namespace kardashev;

TEST(model_line, camera_fleets_are_video_and_social_is_text) {
    EXPECT_EQ(fleet::modality_of(fleet::cohort_kind::vehicle), fleet::modality::video);
    EXPECT_EQ(fleet::modality_of(fleet::cohort_kind::humanoid), fleet::modality::video);
    EXPECT_EQ(fleet::modality_of(fleet::cohort_kind::social), fleet::modality::text);
    EXPECT_EQ(fleet::modality_of(fleet::cohort_kind::eo_satellite), fleet::modality::image);
}

TEST(model_line, text_laws_are_the_chinchilla_fits) {
    EXPECT_EQ(fleet::line_law(fleet::line_law_kind::epoch), fleet::chinchilla_law::epoch_ai());
    EXPECT_EQ(fleet::line_law(fleet::line_law_kind::hoffmann), fleet::chinchilla_law::hoffmann());
}

TEST(model_line, motion_law_is_data_hungrier_per_parameter_than_text) {
    const auto motion = fleet::compute_optimal(fleet::line_law(fleet::line_law_kind::waymo_motion), 1e24);
    const auto text = fleet::compute_optimal(fleet::chinchilla_law::epoch_ai(), 1e24);
    EXPECT_GT(motion.tokens / motion.params, 10.0 * text.tokens / text.params);
    EXPECT_NEAR(6.0 * motion.params * motion.tokens, 1e24, 1e12);
}

TEST(model_line, names_round_trip) {
    EXPECT_EQ(fleet::to_string(fleet::line_law_kind::waymo_motion), "waymo_motion");
    EXPECT_EQ(fleet::to_string(fleet::line_allocation::marginal), "marginal");
    EXPECT_EQ(fleet::to_string(fleet::modality::video), "video");
}

}  // namespace
