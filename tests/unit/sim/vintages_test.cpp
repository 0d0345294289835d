// A site's vintages (docs/models/sim.md "Build-out": vintages): accelerators retire at the end of their life and
// are replaced by the part on offer; pinned keeps the part; without replacement the installed base falls.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "sim/vintages.hpp"

namespace {

using namespace kardashev;

compute::accelerator part(const char* name, const char* available, double peak, double all_in_w, double price) {
    compute::accelerator a;
    a.name = name;
    a.available = epoch::from_utc_iso(available);
    a.peak_flops_bf16 = peak;
    a.hbm_bytes = 80e9;
    a.hbm_bandwidth_bytes_per_s = 3e12;
    a.power_w = all_in_w / 2.0;
    a.all_in_power_w = all_in_w;
    a.price_usd = price;
    return a;
}

/// 1,000 "Old" accelerators from 2026-01-01 with a one-year life, "New" (3x the FLOP/s, 1.5x the power) on offer
/// from 2026-06-01; ten-day steps, so the Old vintage retires at the step of 2027-01-06 (day 370).
sim::scenario vintage_scenario() {
    sim::scenario s;
    s.name = "vintages";
    s.start = epoch::from_utc_iso("2026-01-01");
    s.length = duration::from_days(600);
    s.step = duration::from_days(10);
    s.corpus.initial_unique_tokens = 1e15;
    s.economy.accelerator_life = duration::from_days(365);
    s.catalogue = {part("Old", "2020-01-01", 1e15, 1000.0, 20'000.0), part("New", "2026-06-01", 3e15, 1500.0, 30'000.0)};
    sim::site site;
    site.name = "a";
    site.accel = s.catalogue[0];
    site.planned_accelerators = {{s.start, 1000}};
    site.facility.pue = 1.0;
    site.facility.energy_price_usd_per_j = 0.10 / constants::joules_per_kwh;
    s.sites.push_back(site);
    s.training.generation_length = duration::from_days(100);
    s.training.release_gap = duration::from_days(10);
    s.training.reference_loss = 2.5;
    return s;
}

std::vector<double> series(const sim::run_result& r, const std::string& metric) {
    std::vector<double> v;
    for (const auto& row : r.record.rows()) {
        const auto& c = r.record.channels()[row.channel];
        if (c.entity == "site/a" && c.metric == metric) v.push_back(row.value);
    }
    return v;
}

constexpr std::size_t last_old_step = 36;  // starts 2026-12-27, before the Old vintage's end of life
constexpr std::size_t retirement_step = 37;  // starts 2027-01-06

TEST(vintages, retired_accelerators_are_replaced_by_the_newer_part_and_peak_flops_rises) {
    const auto r = sim::run(vintage_scenario());
    const auto peak = series(r, "peak_flops");
    const auto installed = series(r, "accelerators");
    EXPECT_DOUBLE_EQ(peak[last_old_step], 1000 * 1e15);
    EXPECT_DOUBLE_EQ(peak[retirement_step], 1000 * 3e15);
    EXPECT_DOUBLE_EQ(installed[retirement_step], 1000);
    EXPECT_DOUBLE_EQ(series(r, "retired")[retirement_step], 1000);
    const auto& site = r.summary.sites[0];
    ASSERT_EQ(site.parts.size(), 2u);
    EXPECT_EQ(site.parts[0].accelerator, "Old");
    EXPECT_EQ(site.parts[1].accelerator, "New");
    EXPECT_DOUBLE_EQ(site.parts[1].bought, 1000);
    EXPECT_DOUBLE_EQ(site.retired_accelerators, 1000);
    const auto& events = r.record.events();
    const auto change = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.kind == "part_change"; });
    ASSERT_NE(change, events.end());
    EXPECT_EQ(change->detail, "Old -> New");
    EXPECT_EQ(change->at, epoch::from_utc_iso("2027-01-06"));
}

TEST(vintages, a_parts_cost_per_hour_is_its_depreciation_capital_charge_and_energy_over_its_hours) {
    auto s = vintage_scenario();
    s.economy.cost_of_capital = 0.0;
    const auto r = sim::run(s);
    const auto& old = r.summary.sites[0].parts[0];
    // 370 days in service, its price depreciated over 365 of them, 1 kW at 0.10 USD/kWh.
    const double hours = 370 * 24.0;
    EXPECT_NEAR(old.accelerator_hours, 1000 * hours, 1e-6);
    EXPECT_NEAR(old.cost_per_accelerator_hour_usd, 20'000.0 / hours + 0.10, 1e-9);
    EXPECT_EQ(old.capital_charge_usd, 0.0);
    // At 10 %/yr each ten-day step charges interest on the book value at its start (economy.md M1b): 20,000 USD less
    // what 10 k of 365 days wrote off, for the 37 steps before it is written off.
    s.economy.cost_of_capital = 0.10;
    const auto charged_run = sim::run(s);
    const auto& charged = charged_run.summary.sites[0].parts[0];
    double book_days = 0.0;
    for (int k = 0; 10 * k < 365; ++k) book_days += (1.0 - 10.0 * k / 365.0) * 10.0;
    const double capital_usd = 0.10 * 20'000.0 * book_days / 365.25;
    EXPECT_NEAR(charged.capital_charge_usd, 1000 * capital_usd, 1e-6 * 1000 * capital_usd);
    EXPECT_NEAR(charged.cost_per_accelerator_hour_usd, (20'000.0 + capital_usd) / hours + 0.10, 1e-9);
}

TEST(vintages, pinned_purchases_keep_the_sites_part) {
    auto s = vintage_scenario();
    s.sites[0].purchase = sim::purchase_policy::pinned;
    const auto r = sim::run(s);
    const auto peak = series(r, "peak_flops");
    EXPECT_DOUBLE_EQ(peak[retirement_step], 1000 * 1e15);
    ASSERT_EQ(r.summary.sites[0].parts.size(), 1u);
    EXPECT_DOUBLE_EQ(r.summary.sites[0].parts[0].bought, 2000);
}

TEST(vintages, without_replacement_the_installed_base_falls_at_the_end_of_its_life) {
    auto s = vintage_scenario();
    s.sites[0].replace_retired = false;
    const auto r = sim::run(s);
    const auto installed = series(r, "accelerators");
    EXPECT_DOUBLE_EQ(installed[last_old_step], 1000);
    EXPECT_DOUBLE_EQ(installed[retirement_step], 0);
    EXPECT_DOUBLE_EQ(series(r, "peak_flops")[retirement_step], 0);
}

TEST(vintages, the_power_cap_feeds_fewer_of_a_hungrier_part) {
    auto s = vintage_scenario();
    s.sites[0].power_capacity_w = {{s.start, 1e6}};  // 1,000 Old at 1 kW, or 666.7 New at 1.5 kW
    const auto r = sim::run(s);
    EXPECT_DOUBLE_EQ(series(r, "accelerators")[last_old_step], 1000);
    EXPECT_NEAR(series(r, "accelerators")[retirement_step], 1e6 / 1500.0, 1e-9);
    EXPECT_NEAR(series(r, "it_power")[retirement_step], 1e6, 1e-6);
}

TEST(vintages, a_falling_plan_retires_the_oldest_first) {
    auto s = vintage_scenario();
    s.sites[0].planned_accelerators = {{s.start, 1000},
                                       {epoch::from_utc_iso("2026-06-30"), 2000},
                                       {epoch::from_utc_iso("2026-10-07"), 1000}};
    const auto r = sim::run(s);
    const auto peak = series(r, "peak_flops");
    EXPECT_DOUBLE_EQ(peak[19], 1000 * 1e15 + 1000 * 3e15);  // 2026-07-10: both vintages
    EXPECT_DOUBLE_EQ(peak[29], 1000 * 3e15);                // 2026-10-18: the Old vintage went first
}

}  // namespace

namespace kardashev::sim::detail {
namespace {

/// 100 accelerators of 1 kW bought on day 0 and 200 on day 5, a 10-day life, PUE 1.25.
site_vintages two_vintages() {
    site where;
    where.facility.pue = 1.25;
    site_vintages stock;
    stock.parts.push_back({part("A", "2020-01-01", 1e15, 1000.0, 20'000.0), 0.0});
    const epoch day0 = epoch::from_utc_iso("2026-01-01");
    add_vintage(stock, where, 0, 100.0, day0, duration::from_days(10));
    add_vintage(stock, where, 0, 200.0, day0 + duration::from_days(5), duration::from_days(10));
    return stock;
}

TEST(vintages, failures_then_retirements_in_one_pass_leave_the_hand_computed_sums) {
    auto stock = two_vintages();
    const auto done = fail_then_retire(stock, 0.9, epoch::from_utc_iso("2026-01-11"));  // day 10: the first retires
    EXPECT_DOUBLE_EQ(done.count_after_failures, 270.0);
    EXPECT_DOUBLE_EQ(done.failed_freed_w, 30.0 * 1250.0);
    EXPECT_DOUBLE_EQ(done.facility_w_after_failures, 270.0 * 1250.0);
    EXPECT_DOUBLE_EQ(done.retired, 90.0);
    EXPECT_DOUBLE_EQ(stock.count, 180.0);
    EXPECT_DOUBLE_EQ(stock.facility_w, 180.0 * 1250.0);
    EXPECT_DOUBLE_EQ(stock.parts[0].count, 180.0);
    EXPECT_DOUBLE_EQ(stock.parts[0].it_w, 180.0 * 1000.0);
    EXPECT_DOUBLE_EQ(stock.retired_at_end_of_life, 90.0);
    EXPECT_EQ(stock.in_service.size(), 1u);
}

TEST(vintages, failures_before_any_vintage_ends_its_life_retire_nothing) {
    auto stock = two_vintages();
    const auto done = fail_then_retire(stock, 0.5, epoch::from_utc_iso("2026-01-03"));
    EXPECT_DOUBLE_EQ(done.retired, 0.0);
    EXPECT_DOUBLE_EQ(stock.count, 150.0);
    EXPECT_DOUBLE_EQ(stock.parts[0].it_w, 150.0 * 1000.0);
    EXPECT_EQ(stock.in_service.size(), 2u);
}

TEST(vintages, a_purchase_after_failures_counts_in_full_and_the_oldest_retire_at_their_counts_in_service) {
    // Failures scale every vintage through the stock's one scale; a later purchase and a falling plan see real counts.
    auto stock = two_vintages();
    site where;
    where.facility.pue = 1.25;
    (void)fail_then_retire(stock, 0.5, epoch::from_utc_iso("2026-01-03"));  // 50 and 100 left
    add_vintage(stock, where, 0, 100.0, epoch::from_utc_iso("2026-01-07"), duration::from_days(10));
    EXPECT_DOUBLE_EQ(stock.count, 250.0);
    retire_oldest(stock, 60.0);  // the first vintage's 50 and 10 of the second's 100
    EXPECT_DOUBLE_EQ(stock.count, 190.0);
    EXPECT_DOUBLE_EQ(stock.facility_w, 190.0 * 1250.0);
    ASSERT_EQ(stock.in_service.size(), 2u);
    EXPECT_DOUBLE_EQ(stock.in_service.front().count * stock.scale, 90.0);
    EXPECT_DOUBLE_EQ(stock.retired, 60.0);
}

TEST(vintages, the_last_vintage_retiring_leaves_sums_of_exactly_zero) {
    auto stock = two_vintages();
    (void)fail_then_retire(stock, 0.7, epoch::from_utc_iso("2026-01-03"));
    const auto done = fail_then_retire(stock, 0.7, epoch::from_utc_iso("2026-02-01"));  // both past their life
    EXPECT_DOUBLE_EQ(done.retired, 300.0 * 0.7 * 0.7);
    EXPECT_TRUE(stock.in_service.empty());
    EXPECT_EQ(stock.count, 0.0);
    EXPECT_EQ(stock.facility_w, 0.0);
    EXPECT_EQ(stock.peak_flops, 0.0);
    EXPECT_EQ(stock.parts[0].count, 0.0);
    EXPECT_EQ(stock.parts[0].it_w, 0.0);
    EXPECT_EQ(stock.scale, 1.0);
}

TEST(vintages, every_accelerator_failing_then_a_purchase_leaves_the_purchase) {
    auto stock = two_vintages();
    site where;
    where.facility.pue = 1.25;
    (void)fail_then_retire(stock, 0.0, epoch::from_utc_iso("2026-01-03"));
    EXPECT_EQ(stock.count, 0.0);
    add_vintage(stock, where, 0, 40.0, epoch::from_utc_iso("2026-01-04"), duration::from_days(10));
    EXPECT_DOUBLE_EQ(stock.count, 40.0);
    EXPECT_DOUBLE_EQ(stock.in_service.back().count * stock.scale, 40.0);
}

TEST(vintages, kept_sums_stay_within_1e_12_of_the_sums_over_the_vintages_over_ten_thousand_steps) {
    // A daily purchase, a daily failure share and a 1,000-day life: the scaled, subtracted sums against a plain sum.
    site where;
    where.facility.pue = 1.1;
    site_vintages stock;
    stock.parts.push_back({part("A", "2020-01-01", 1e15, 1000.0, 20'000.0), 0.0});
    stock.parts.push_back({part("B", "2020-01-01", 3e15, 1500.0, 30'000.0), 0.0});
    const epoch day0 = epoch::from_utc_iso("2026-01-01");
    for (int d = 0; d < 10'000; ++d) {
        const epoch at = day0 + duration::from_days(d);
        (void)fail_then_retire(stock, 0.9997, at);
        add_vintage(stock, where, static_cast<std::size_t>(d / 3000 % 2), 7.0 + d % 13, at, duration::from_days(1000));
    }
    double count = 0.0, it_w = 0.0, b_count = 0.0;
    for (const auto& v : stock.in_service) {
        count += v.count * stock.scale;
        it_w += v.count * stock.scale * v.it_w_per_accelerator;
        if (v.part == 1) b_count += v.count * stock.scale;
    }
    EXPECT_NEAR(stock.count / count, 1.0, 1e-12);
    EXPECT_NEAR(stock.it_w / it_w, 1.0, 1e-12);
    EXPECT_NEAR(stock.parts[1].count / b_count, 1.0, 1e-12);
    EXPECT_EQ(stock.parts[0].count, 0.0);  // part A's vintages (days 0-2,999 and 6,000-8,999) have all retired
}

}  // namespace
}  // namespace kardashev::sim::detail
