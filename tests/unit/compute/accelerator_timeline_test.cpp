// Accelerators over time (docs/models/compute.md "Accelerators over time"): the newest part available at a
// date, and Epoch AI's trend past the last one.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kardashev/compute/accelerator_timeline.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

epoch date(const char* text) { return epoch::from_utc_iso(text); }

accelerator part(const char* name, const char* available, double peak) {
    accelerator a;
    a.name = name;
    a.available = date(available);
    a.peak_flops_bf16 = peak;
    a.hbm_bytes = 80e9;
    a.hbm_bandwidth_bytes_per_s = 3.35e12;
    a.power_w = 700.0;
    a.all_in_power_w = 1400.0;
    a.price_usd = 41'700.0;
    a.scale_up_size = 8.0;
    a.matmul_efficiency = 0.57;
    a.source = "test";
    return a;
}

// Relative agreement to 1e-12: the date arithmetic goes through nanoseconds and back to years.
void expect_ratio(double value, double expected) { EXPECT_NEAR(value / expected, 1.0, 1e-12) << value << " vs " << expected; }

std::string message_of(auto&& f) {
    try {
        f();
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

const std::vector<accelerator> line = {part("A", "2020-07-01", 1e14), part("B", "2023-01-01", 1e15),
                                       part("C", "2024-04-01", 2e15)};

TEST(accelerator_timeline, newest_available_picks_the_latest_part_not_after_the_date) {
    EXPECT_EQ(newest_available(line, date("2020-07-01")).name, "A");
    EXPECT_EQ(newest_available(line, date("2022-12-31")).name, "A");
    EXPECT_EQ(newest_available(line, date("2023-01-01")).name, "B");
    EXPECT_EQ(newest_available(line, date("2024-03-31T23:59:59Z")).name, "B");
    EXPECT_EQ(newest_available(line, date("2030-01-01")).name, "C");
}

TEST(accelerator_timeline, newest_available_ignores_list_order_and_takes_the_later_of_equal_dates) {
    std::vector<accelerator> shuffled = {line[2], line[0], line[1], part("B2", "2023-01-01", 5e14)};
    EXPECT_EQ(newest_available(shuffled, date("2023-06-01")).name, "B2");
    EXPECT_EQ(newest_available(shuffled, date("2025-01-01")).name, "C");
}

TEST(accelerator_timeline, newest_available_skips_parts_without_a_date) {
    auto undated = part("custom", "2020-01-01", 9e15);
    undated.available.reset();
    std::vector<accelerator> with_custom = {undated, line[0]};
    EXPECT_EQ(newest_available(with_custom, date("2021-01-01")).name, "A");
    EXPECT_EQ(message_of([&] { (void)newest_available(std::vector<accelerator>{undated}, date("2021-01-01")); }),
              "no accelerator available at 2021-01-01: no catalogue entry has an availability date");
}

TEST(accelerator_timeline, before_the_first_part_is_a_clear_error) {
    EXPECT_EQ(message_of([] { (void)newest_available(line, date("2019-06-30")); }),
              "no accelerator available at 2019-06-30: the earliest, A, is available from 2020-07-01");
    EXPECT_EQ(message_of([] { (void)newest_available(std::vector<accelerator>{}, date("2019-06-30")); }),
              "no accelerator available at 2019-06-30: no catalogue entry has an availability date");
}

TEST(accelerator_timeline, extrapolation_at_the_last_date_is_the_last_part) {
    EXPECT_EQ(extrapolated_accelerator(line[2], *line[2].available, epoch_ai_hardware_trend()), line[2]);
}

TEST(accelerator_timeline, flops_per_usd_doubles_after_one_doubling_time) {
    const auto trend = epoch_ai_hardware_trend();
    const auto& last = line[2];
    const auto at = *last.available + duration::from_seconds(trend.flops_per_usd_doubling_years * constants::julian_year_s);
    const auto next = extrapolated_accelerator(last, at, trend);
    const double per_usd = last.peak_flops_bf16 / last.price_usd;
    expect_ratio(next.peak_flops_bf16 / next.price_usd, 2.0 * per_usd);
    EXPECT_EQ(next.available, at);
    EXPECT_EQ(next.name, "C-trend-2026-05-08");
}

TEST(accelerator_timeline, each_figure_follows_its_own_doubling_time) {
    const hardware_trend trend{.flops_doubling_years = 2.0,
                               .flops_per_usd_doubling_years = 1.0,
                               .flops_per_w_doubling_years = 4.0,
                               .hbm_doubling_years = 4.0,
                               .hbm_bandwidth_doubling_years = 8.0,
                               .source = "test trend"};
    const auto& last = line[2];
    const auto next = extrapolated_accelerator(last, *last.available + duration::from_seconds(4.0 * constants::julian_year_s), trend);
    expect_ratio(next.peak_flops_bf16, 4.0 * last.peak_flops_bf16);        // 2 doublings
    expect_ratio(next.price_usd, last.price_usd * 4.0 / 16.0);             // FLOP/s x4, per USD x16
    expect_ratio(next.all_in_power_w, last.all_in_power_w * 4.0 / 2.0);    // FLOP/s x4, per W x2
    expect_ratio(next.power_w, last.power_w * 2.0);
    expect_ratio(next.hbm_bytes, 2.0 * last.hbm_bytes);
    expect_ratio(next.hbm_bandwidth_bytes_per_s, std::sqrt(2.0) * last.hbm_bandwidth_bytes_per_s);
    EXPECT_EQ(next.scale_up_size, last.scale_up_size);
    EXPECT_EQ(next.matmul_efficiency, last.matmul_efficiency);
    EXPECT_EQ(next.source, "extrapolated from C (2024-04-01) to 2028-04-01 along test trend");
}

TEST(accelerator_timeline, extrapolation_rejects_an_earlier_date_and_a_part_without_one) {
    const auto trend = epoch_ai_hardware_trend();
    EXPECT_EQ(message_of([&] { (void)extrapolated_accelerator(line[2], date("2024-01-01"), trend); }),
              "cannot extrapolate C back to 2024-01-01: it is available from 2024-04-01");
    auto undated = line[2];
    undated.available.reset();
    EXPECT_EQ(message_of([&] { (void)extrapolated_accelerator(undated, date("2030-01-01"), trend); }),
              "cannot extrapolate from C: it has no availability date");
    auto flat = trend;
    flat.flops_per_w_doubling_years = 0.0;
    EXPECT_EQ(message_of([&] { (void)extrapolated_accelerator(line[2], date("2030-01-01"), flat); }),
              "hardware trend: expected a positive FLOP/s per W doubling time, got 0 yr");
}

TEST(accelerator_timeline, the_catalogue_is_dated_and_its_newest_part_follows_the_roadmap) {
    const auto& catalogue = io::builtin_accelerators();
    for (const auto& a : catalogue) EXPECT_TRUE(a.available.has_value()) << a.name;
    EXPECT_EQ(newest_available(catalogue, date("2021-01-01")).name, "A100");
    EXPECT_EQ(newest_available(catalogue, date("2023-06-01")).name, "H100");
    EXPECT_EQ(newest_available(catalogue, date("2024-06-01")).name, "H200");
    EXPECT_EQ(newest_available(catalogue, date("2025-09-01")).name, "GB300");
    EXPECT_EQ(newest_available(catalogue, date("2026-09-01")).name, "Rubin");
    EXPECT_EQ(newest_available(catalogue, date("2030-01-01")).name, "RubinUltra");
    EXPECT_EQ(message_of([&] { (void)newest_available(catalogue, date("2019-01-01")); }),
              "no accelerator available at 2019-01-01: the earliest, A100, is available from 2020-07-01");
}

TEST(accelerator_timeline, the_part_on_offer_is_the_catalogue_until_a_year_past_its_last_entry) {
    const std::vector<accelerator> offer_line{part("A", "2024-01-01", 1e15), part("B", "2026-07-01", 2e15)};
    const auto trend = epoch_ai_hardware_trend();
    EXPECT_EQ(part_on_offer(offer_line, date("2025-06-01"), trend).name, "A");
    EXPECT_EQ(part_on_offer(offer_line, date("2026-07-01"), trend), offer_line[1]);
    // One Julian year after B's date (365.25 days: 2027-07-01T06:00) B is still on offer; the next day it is B+1y.
    EXPECT_EQ(part_on_offer(offer_line, date("2027-07-01"), trend), offer_line[1]);
    const auto first = part_on_offer(offer_line, date("2027-07-02"), trend);
    EXPECT_EQ(first.name, "B+1y");
    expect_ratio(first.peak_flops_bf16, 2e15 * std::exp2(1.0 / trend.flops_doubling_years));
}

TEST(accelerator_timeline, the_offer_key_names_the_entry_and_the_years_past_it) {
    const std::vector<accelerator> offer_line{part("A", "2024-01-01", 1e15), part("B", "2026-07-01", 2e15)};
    const auto trend = epoch_ai_hardware_trend();
    EXPECT_EQ(part_offer_key(offer_line, date("2025-06-01")), (offer_key{0, -1}));
    EXPECT_EQ(part_offer_key(offer_line, date("2027-07-01")), (offer_key{1, -1}));
    EXPECT_EQ(part_offer_key(offer_line, date("2027-07-02")), (offer_key{1, 1}));
    EXPECT_EQ(part_offer_key(offer_line, date("2030-06-01")), (offer_key{1, 3}));
    // Dates with one key get one part: B + 3 Julian years is 2029-06-30T18:00, B + 4 is 2030-07-01T00:00.
    EXPECT_EQ(part_of_key(offer_line, part_offer_key(offer_line, date("2029-07-02")), trend),
              part_on_offer(offer_line, date("2030-06-30"), trend));
    EXPECT_EQ(part_of_key(offer_line, offer_key{1, 3}, trend).name, "B+3y");
}

TEST(accelerator_timeline, past_the_catalogue_one_new_part_a_year_along_the_trend) {
    const std::vector<accelerator> offer_line{part("A", "2024-01-01", 1e15), part("B", "2026-07-01", 2e15)};
    const auto trend = epoch_ai_hardware_trend();
    const auto early = part_on_offer(offer_line, date("2029-08-01"), trend);
    const auto late = part_on_offer(offer_line, date("2030-06-01"), trend);  // within the same whole year: same part
    EXPECT_EQ(early.name, "B+3y");
    EXPECT_EQ(early, late);
    const auto extrapolated = extrapolated_accelerator(offer_line[1], *offer_line[1].available + duration::from_seconds(3.0 * constants::julian_year_s), trend);
    expect_ratio(early.peak_flops_bf16, extrapolated.peak_flops_bf16);
    expect_ratio(early.price_usd, extrapolated.price_usd);
    const auto next = part_on_offer(offer_line, date("2030-08-01"), trend);
    EXPECT_EQ(next.name, "B+4y");
    EXPECT_GT(next.peak_flops_bf16 / next.price_usd, early.peak_flops_bf16 / early.price_usd);
}

TEST(accelerator_timeline, the_catalogue_offers_rubin_ultra_then_its_yearly_successors) {
    const auto& catalogue = io::builtin_accelerators();
    const auto trend = epoch_ai_hardware_trend();
    EXPECT_EQ(part_on_offer(catalogue, date("2026-01-01"), trend).name, "GB300");
    EXPECT_EQ(part_on_offer(catalogue, date("2028-01-01"), trend).name, "RubinUltra");
    EXPECT_EQ(part_on_offer(catalogue, date("2031-01-01"), trend).name, "RubinUltra+3y");
}

}  // namespace
