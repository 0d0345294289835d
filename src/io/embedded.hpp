#pragma once
/// Files compiled into the binary by kd_embed_files (cmake/kardashev_embed.cmake).

#include <string_view>

namespace kardashev::io::detail {

/// scenarios/default.yaml.
extern const std::string_view default_scenario_yaml;
/// data/catalog/accelerators.yaml.
extern const std::string_view accelerator_catalog_yaml;
/// data/catalog/launchers.yaml.
extern const std::string_view launcher_catalog_yaml;

}  // namespace kardashev::io::detail

namespace kardashev::io::detail {

/// web/node_modules/vega/build/vega.min.js (npm vega, pinned by web/package-lock.json).
extern const std::string_view report_vega_js;
/// web/node_modules/vega-lite/build/vega-lite.min.js.
extern const std::string_view report_vega_lite_js;
/// web/node_modules/vega-embed/build/vega-embed.min.js.
extern const std::string_view report_vega_embed_js;
/// web/report/report.html: the page, with @@KD_...@@ slots that render_report fills.
extern const std::string_view report_template_html;
/// web/report/head.html: the <head> report.html and plan.html share, with @@KD_...@@ slots that render_page fills.
extern const std::string_view report_head_html;
/// web/report/report.css.
extern const std::string_view report_css;
/// web/report/report.js: builds the tables and charts from the page's JSON data.
extern const std::string_view report_js;
/// web/report/plan.html: the plan report's page, with @@KD_...@@ slots that render_plan_report fills.
extern const std::string_view plan_report_template_html;
/// web/report/plan.js: the plan report's charts and tables from its plan.json.
extern const std::string_view plan_report_js;

}  // namespace kardashev::io::detail
