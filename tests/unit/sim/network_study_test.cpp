// The routed uplink's delivery table at a date (sim::delivery_cuts) and the `kardashev network` study composed
// from a scenario and from presets (sim/network_study.hpp).

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/sim/network_study.hpp"
#include "kardashev/sim/uplink.hpp"

namespace {

using namespace kardashev;

const sim::scenario& default_scenario() {
    static const sim::scenario s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    return s;
}

TEST(delivery_cuts, equal_the_cut_table_with_the_capacities_in_force_at_the_date_and_leave_the_network_as_it_was) {
    const auto& s = default_scenario();
    const sim::routed_network net = sim::routed_network_of(s, s.start);
    const auto& cfg = s.uplink.network;
    const epoch later = epoch::from_utc_iso("2029-06-01");  // after the user-link and ISL upgrades of 2028-2029
    const std::array<epoch, 1> times = {s.start};
    const auto cuts = sim::delivery_cuts(net, cfg, later, times);

    sim::routed_network by_hand = net;
    sim::apply_capacities(by_hand, cfg, later);
    EXPECT_EQ(cuts, network::delivery_cut_table(by_hand.model, by_hand.options, by_hand.region_stations,
                                                by_hand.sink_stations, times, by_hand.station_link_capacity_bps));
    // The start's capacities are still in `net`: its own table is smaller (6.7 Gbit/s user links, not 160).
    const auto at_start = sim::delivery_cuts(net, cfg, s.start, times);
    EXPECT_EQ(at_start, network::delivery_cut_table(net.model, net.options, net.region_stations, net.sink_stations, times,
                                                    net.station_link_capacity_bps));
    const std::size_t europe = std::size_t{1} << 1;
    EXPECT_LT(network::mean_cut_bps(at_start, europe), network::mean_cut_bps(cuts, europe));
}

TEST(network_study, a_scenario_gives_its_regions_sites_start_and_delivery_window) {
    const auto& s = default_scenario();
    sim::network_request r;
    r.pairs = {{"europe", "colossus-2"}};
    r.duration_s = 20.0;
    r.step_s = 10.0;
    const auto study = sim::compose_network_study(r, &s, "default.yaml");
    ASSERT_TRUE(study.routed.has_value());
    EXPECT_EQ(study.start, s.start);
    EXPECT_EQ(study.steps, 2);
    EXPECT_EQ(study.pair_names, std::vector<std::string>{"europe:colossus-2"});
    EXPECT_EQ(study.routed->options, study.options);
    const auto d = sim::summarise_delivery(study);
    EXPECT_EQ(d.samples, 2U);
    EXPECT_EQ(d.to, s.start + duration::from_seconds(10.0));
    EXPECT_EQ(d.region_names.size(), 3U);
    EXPECT_EQ(d.sinks, (std::vector<std::string>{"colossus-1", "colossus-2"}));
}

TEST(network_study, a_preset_slant_range_defaults_to_the_presets_range) {
    sim::network_request r;
    r.constellation = {"kuiper-k1"};
    r.gsl = sim::gsl_request{network::gsl_rule::slant_range, std::nullopt};
    r.pairs = {{"Manila", "Dalian"}};
    const auto study = sim::compose_network_study(r, nullptr, "");
    EXPECT_EQ(study.options.gsl.rule, network::gsl_rule::slant_range);
    EXPECT_EQ(study.options.gsl.max_range_m, network::shell_preset("kuiper-k1")->max_gsl_range_m);
    EXPECT_EQ(study.start, network::hypatia_epoch());
    EXPECT_EQ(study.steps, 200);
}

TEST(network_study, a_slant_range_without_a_preset_or_a_range_is_an_error) {
    sim::network_request r;
    r.constellation = {"kuiper-k1", "starlink-s1"};
    r.gsl = sim::gsl_request{network::gsl_rule::slant_range, std::nullopt};
    r.pairs = {{"Manila", "Dalian"}};
    try {
        (void)sim::compose_network_study(r, nullptr, "");
        FAIL() << "expected input_error";
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "--gsl slant-range needs a range (e.g. slant-range:1089686m) without a --constellation preset");
    }
}

}  // namespace
