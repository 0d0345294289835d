// report.html: the down-sampled series keep every step (means, last values, sums), the binding constraint is exact,
// inputs carry their source, and the page's data cannot break out of its script element.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "kardashev/core/error.hpp"
#include "kardashev/io/report.hpp"
#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using namespace kardashev;
using json = nlohmann::json;

io::run_files files_of(const sim::scenario& s, const sim::run_result& r) {
    io::run_files f;
    f.summary_json = io::summary_json(s, r);
    f.timeseries_csv = io::timeseries_csv(r);
    f.events_csv = io::events_csv(r);
    f.scenario_yaml = io::write_scenario_yaml(s);
    return f;
}

/// The JSON the page carries in <script type="application/json" id="kd-data">.
json page_data(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"kd-data\">";
    const auto a = html.find(open);
    const auto b = html.find("</script>", a);
    EXPECT_NE(a, std::string::npos);
    return json::parse(html.substr(a + open.size(), b - a - open.size()));
}

const json& channel(const json& data, const std::string& entity, const std::string& metric) {
    for (const auto& c : data["series"])
        if (c["entity"] == entity && c["metric"] == metric) return c;
    ADD_FAILURE() << entity << "," << metric << " not in the page";
    static const json none;
    return none;
}

/// Values of one recorded channel, every step.
std::vector<double> recorded(const sim::run_result& r, const std::string& entity, const std::string& metric) {
    std::uint32_t ch = 0;
    for (std::uint32_t i = 0; i < r.record.channels().size(); ++i)
        if (r.record.channels()[i].entity == entity && r.record.channels()[i].metric == metric) ch = i;
    std::vector<double> v;
    for (const auto& row : r.record.rows())
        if (row.channel == ch) v.push_back(row.value);
    return v;
}

struct default_run : ::testing::Test {
    static void SetUpTestSuite() {
        s = new sim::scenario(io::load_scenario_text(io::default_scenario_text(), "<default>"));
        r = new sim::run_result(sim::run(*s));
        html = new std::string(io::render_report(files_of(*s, *r)));
        data = new json(page_data(*html));
    }
    static void TearDownTestSuite() {
        delete s;
        delete r;
        delete html;
        delete data;
    }
    static sim::scenario* s;
    static sim::run_result* r;
    static std::string* html;
    static json* data;
};
sim::scenario* default_run::s = nullptr;
sim::run_result* default_run::r = nullptr;
std::string* default_run::html = nullptr;
json* default_run::data = nullptr;

TEST_F(default_run, a_ten_year_daily_run_is_shown_by_calendar_month) {
    EXPECT_EQ((*data)["sampling"]["bucket"], "month");
    const auto& b = (*data)["sampling"]["buckets"];
    ASSERT_EQ(b.size(), 120u);  // 2026-01 .. 2035-12
    EXPECT_EQ(b[0]["start"], "2026-01-01T00:00:00Z");
    EXPECT_EQ(b[0]["end"], "2026-02-01T00:00:00Z");
    EXPECT_EQ(b[0]["steps"], 31);
    std::int64_t steps = 0;
    for (const auto& x : b) steps += x["steps"].get<std::int64_t>();
    EXPECT_EQ(steps, r->summary.steps) << "every step is in one bucket";
}

TEST_F(default_run, a_monthly_mean_is_the_mean_of_every_day_of_the_month) {
    const auto daily = recorded(*r, "uplink", "carried");
    const auto& c = channel(*data, "uplink", "carried");
    EXPECT_EQ(c["agg"], "mean");
    double feb = 0.0;
    for (int k = 31; k < 31 + 28; ++k) feb += daily[static_cast<std::size_t>(k)];
    feb /= 28.0;
    EXPECT_NEAR(c["values"][1].get<double>(), feb, 1e-5 * feb);  // six significant digits
}

TEST_F(default_run, a_stock_keeps_its_value_at_the_end_of_the_month) {
    const auto daily = recorded(*r, "corpus", "unique_tokens");
    const auto& c = channel(*data, "corpus", "unique_tokens");
    EXPECT_EQ(c["agg"], "last");
    EXPECT_NEAR(c["values"][0].get<double>(), daily[30], 1e-5 * daily[30]);
    EXPECT_NEAR(c["values"].back().get<double>(), daily.back(), 1e-5 * daily.back());
}

TEST_F(default_run, monthly_energy_adds_up_to_each_site_energy_over_the_run) {
    for (const auto& site : r->summary.sites) {
        const auto& c = channel(*data, "site/" + site.name, "energy");
        EXPECT_EQ(c["unit"], "Wh");
        double wh = 0.0;
        for (const auto& v : c["values"])
            if (v.is_number()) wh += v.get<double>();
        EXPECT_NEAR(wh * 3600.0, site.energy_j, 1e-5 * site.energy_j) << site.name;
    }
}

TEST_F(default_run, the_binding_constraint_is_drawn_exactly_step_by_step) {
    std::map<std::string, std::int64_t> steps;
    for (const auto& run : (*data)["binding"]) steps[run["constraint"]] += run["steps"].get<std::int64_t>();
    for (std::size_t i = 0; i < sim::constraint_count; ++i) {
        const std::string name(sim::to_string(static_cast<sim::constraint>(i)));
        EXPECT_EQ(steps[name], r->summary.binding_steps[i]) << name;
    }
}

TEST_F(default_run, the_page_is_self_contained_and_under_three_megabytes) {
    EXPECT_LT(html->size(), 3u * 1024 * 1024);
    EXPECT_EQ(html->find("<script src"), std::string::npos);
    EXPECT_EQ(html->find("<link rel=\"stylesheet\""), std::string::npos);
    EXPECT_EQ(html->find("sourceMappingURL"), std::string::npos);
    EXPECT_EQ(html->find("@@KD_"), std::string::npos);
}

TEST(report, short_runs_are_not_down_sampled) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "30 d"}});
    const auto r = sim::run(s);
    const auto data = page_data(io::render_report(files_of(s, r)));
    EXPECT_EQ(data["sampling"]["bucket"], "step");
    EXPECT_EQ(data["sampling"]["buckets"].size(), 30u);
}

TEST(report, inputs_are_marked_default_scenario_or_required) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>",
                                          {{"training.mfu", "45 %"}, {"training.goodput", "90 %"}});
    const auto r = sim::run(io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "2 d"}}));
    auto files = files_of(s, r);
    const auto data = page_data(io::render_report(files));
    std::map<std::string, std::string> source;
    for (const auto& row : data["inputs"]) source[row["path"]] = row["source"];
    EXPECT_EQ(source["training.mfu"], "scenario");        // 45 % is not the default
    EXPECT_EQ(source["training.restart"], "default");     // not in default.yaml
    EXPECT_EQ(source["sites[0].name"], "required");
    EXPECT_EQ(source.count("sites[0].accelerators"), 1u);  // a schedule is one input
}

TEST(report, the_data_cannot_close_its_script_element) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>",
                                          {{"name", "x</script><script>alert(1)</script>"}, {"length", "3 d"}});
    const auto html = io::render_report(files_of(s, sim::run(s)));
    EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
    EXPECT_EQ(page_data(html)["summary"]["scenario"], "x</script><script>alert(1)</script>");
}

TEST(report, the_same_files_give_the_same_bytes) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "90 d"}});
    const auto f = files_of(s, sim::run(s));
    EXPECT_TRUE(io::render_report(f) == io::render_report(f));
}

TEST(report, a_timeseries_row_out_of_time_order_is_an_error_at_its_line) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "2 d"}});
    auto f = files_of(s, sim::run(s));
    f.timeseries_csv += "2026-01-01T00:00:00Z,corpus,unique_tokens,1,tokens\n";
    const auto lines = std::count(f.timeseries_csv.begin(), f.timeseries_csv.end(), '\n');
    try {
        (void)io::render_report(f);
        FAIL() << "expected input_error";
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "timeseries.csv:" + std::to_string(lines) +
                      ": time_utc: expected times in increasing order, got 2026-01-01T00:00:00Z after 2026-01-03T00:00:00Z");
    }
}

}  // namespace
