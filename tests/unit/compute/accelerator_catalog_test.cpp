// data/catalog/accelerators.yaml: every figure parses with the core units parser and is physically consistent.
#include <gtest/gtest.h>

#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace kardashev;

struct entry {
    std::string name;
    std::map<std::string, std::string> fields;
};

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\"");
    if (first == std::string::npos) return "";
    const auto last = s.find_last_not_of(" \t\"");
    return s.substr(first, last - first + 1);
}

// A minimal reader for the catalogue's flat layout (`- name: X` then `key: "value"  # comment`).
std::vector<entry> read_catalog() {
    std::ifstream in(std::string(KD_SOURCE_DIR) + "/data/catalog/accelerators.yaml");
    std::vector<entry> out;
    std::string line;
    while (std::getline(in, line)) {
        // Entries start with "  - "; their fields sit at four spaces; deeper lines continue a folded
        // `source` text.
        const auto indent = line.find_first_not_of(' ');
        if (indent == std::string::npos || (indent != 2 && indent != 4)) continue;
        const auto hash = line.find('#');
        const std::string body = line.substr(0, hash);
        const auto colon = body.find(':');
        if (colon == std::string::npos) continue;
        std::string key = trim(body.substr(0, colon));
        const std::string value = trim(body.substr(colon + 1));
        if (key.rfind("- ", 0) == 0) {
            key = trim(key.substr(2));
            if (key == "name") out.push_back({value, {}});
            continue;
        }
        if (!out.empty()) out.back().fields[key] = value;
    }
    return out;
}

double field(const entry& e, const std::string& key, quantity_kind kind) {
    const auto it = e.fields.find(key);
    if (it == e.fields.end()) {
        ADD_FAILURE() << e.name << ": missing " << key;
        return 0.0;
    }
    return parse_quantity(it->second, kind);
}

TEST(accelerator_catalog, lists_the_eleven_accelerators) {
    std::vector<std::string> names;
    for (const auto& e : read_catalog()) names.push_back(e.name);
    EXPECT_EQ(names, (std::vector<std::string>{"A100", "H800", "H100", "H200", "B200", "GB200", "TPUv5p", "TPUv6e", "GB300",
                                               "Rubin", "RubinUltra"}));
}

TEST(accelerator_catalog, availability_dates_parse_and_follow_the_roadmap) {
    // research/trajectory.md sec. 1a: volume availability, in roadmap order within each product line.
    std::map<std::string, epoch> at;
    for (const auto& e : read_catalog()) {
        SCOPED_TRACE(e.name);
        ASSERT_TRUE(e.fields.contains("available"));
        at.emplace(e.name, epoch::from_utc_iso(e.fields.at("available")));
    }
    EXPECT_EQ(at.at("H100"), epoch::from_utc_iso("2023-01-01"));
    EXPECT_EQ(at.at("H200"), epoch::from_utc_iso("2024-04-01"));
    const std::vector<std::string> nvidia = {"A100", "H100", "H200", "B200", "GB300", "Rubin", "RubinUltra"};
    for (std::size_t i = 1; i < nvidia.size(); ++i) EXPECT_LT(at.at(nvidia[i - 1]), at.at(nvidia[i])) << nvidia[i];
    EXPECT_EQ(at.at("B200"), at.at("GB200"));
    EXPECT_LT(at.at("TPUv5p"), at.at("TPUv6e"));
}

TEST(accelerator_catalog, every_figure_parses_and_is_consistent) {
    for (const auto& e : read_catalog()) {
        SCOPED_TRACE(e.name);
        const double peak = field(e, "peak_flops_bf16", quantity_kind::flop_rate);
        const double hbm = field(e, "hbm", quantity_kind::data_size);
        const double bw = field(e, "hbm_bandwidth", quantity_kind::data_rate);
        const double power = field(e, "power", quantity_kind::power);
        const double all_in = field(e, "all_in_power", quantity_kind::power);
        const double price = field(e, "price", quantity_kind::money);
        EXPECT_GE(peak, 300e12);
        EXPECT_LE(peak, 20e15);  // Rubin Ultra's derived 17.4 PFLOP/s dense BF16 is the largest
        EXPECT_GE(hbm, 32e9);
        EXPECT_GT(bw, 1e12);
        EXPECT_GT(power, 0.0);
        EXPECT_GT(all_in, power);        // host, network and storage come on top of the chip
        EXPECT_LT(all_in, 3.0 * power);
        EXPECT_GT(price, 10'000.0);
        EXPECT_FALSE(e.fields.at("source").empty());
    }
}

TEST(accelerator_catalog, fp8_peaks_are_twice_bf16_where_given) {
    // NVIDIA H100/H200 datasheets and HGX B200 specifications: dense FP8 = 2 x dense BF16.
    int with_fp8 = 0;
    for (const auto& e : read_catalog()) {
        if (!e.fields.contains("peak_flops_fp8")) continue;
        SCOPED_TRACE(e.name);
        ++with_fp8;
        EXPECT_NEAR(field(e, "peak_flops_fp8", quantity_kind::flop_rate) / field(e, "peak_flops_bf16", quantity_kind::flop_rate),
                    2.0, 0.01);
    }
    EXPECT_EQ(with_fp8, 4);  // H100, H800, H200, B200
}

TEST(accelerator_catalog, h800_is_an_h100_with_a_narrower_nvlink) {
    // DeepSeek-V3 report sec. 3.1-3.2 and NVIDIA (Reuters, March 2023): H100 SXM compute, NVLink 400 GB/s both ways.
    std::map<std::string, entry> by_name;
    for (const auto& e : read_catalog()) by_name.emplace(e.name, e);
    const entry& h800 = by_name.at("H800");
    const entry& h100 = by_name.at("H100");
    for (const char* key : {"peak_flops_bf16", "peak_flops_fp8"})
        EXPECT_DOUBLE_EQ(field(h800, key, quantity_kind::flop_rate), field(h100, key, quantity_kind::flop_rate)) << key;
    EXPECT_DOUBLE_EQ(field(h800, "hbm", quantity_kind::data_size), field(h100, "hbm", quantity_kind::data_size));
    EXPECT_DOUBLE_EQ(field(h800, "scale_up_bandwidth", quantity_kind::data_rate), 200e9);
    EXPECT_DOUBLE_EQ(field(h800, "scale_out_bandwidth", quantity_kind::data_rate), 50e9);
}

TEST(accelerator_catalog, h100_matches_its_datasheet) {
    for (const auto& e : read_catalog()) {
        if (e.name != "H100") continue;
        EXPECT_DOUBLE_EQ(field(e, "peak_flops_bf16", quantity_kind::flop_rate), 989.4e12);
        EXPECT_NEAR(field(e, "hbm", quantity_kind::data_size), 81'559.0 * 1024 * 1024, 1e6);  // "80 GB" = 80 GiB; nvidia-smi: 81,559 MiB
        EXPECT_DOUBLE_EQ(field(e, "hbm_bandwidth", quantity_kind::data_rate), 3.35e12);
        EXPECT_DOUBLE_EQ(field(e, "power", quantity_kind::power), 700.0);
        EXPECT_DOUBLE_EQ(field(e, "all_in_power", quantity_kind::power), 1400.0);
        return;
    }
    FAIL() << "no H100 entry";
}

TEST(accelerator_catalog, loads_through_the_embedded_catalogue) {
    // The binary's catalogue (io::builtin_accelerators) is this file, read by the scenario loader.
    const auto& catalog = io::builtin_accelerators();
    const auto entries = read_catalog();
    ASSERT_EQ(catalog.size(), entries.size());
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        SCOPED_TRACE(entries[i].name);
        EXPECT_EQ(catalog[i].name, entries[i].name);
        EXPECT_DOUBLE_EQ(catalog[i].peak_flops_bf16, field(entries[i], "peak_flops_bf16", quantity_kind::flop_rate));
        EXPECT_DOUBLE_EQ(catalog[i].all_in_power_w, field(entries[i], "all_in_power", quantity_kind::power));
        EXPECT_DOUBLE_EQ(catalog[i].price_usd, field(entries[i], "price", quantity_kind::money));
        EXPECT_FALSE(catalog[i].source.empty());
        ASSERT_TRUE(catalog[i].available.has_value());
        EXPECT_EQ(*catalog[i].available, epoch::from_utc_iso(entries[i].fields.at("available")));
    }
}

}  // namespace
