#pragma once
/// A sweep: uncertain inputs on scenario keys, the design (every sample's inputs and seed), the headline outputs
/// of each run and the statistics over them (docs/sweep.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/sim/engine.hpp"
#include "kardashev/study/distribution.hpp"
#include "kardashev/study/sampler.hpp"
#include "kardashev/study/sensitivity.hpp"

namespace kardashev::study {

/// One uncertain scenario key.
struct uncertain_input {
    std::string key;         //!< scenario key path, as for `--set` ("launch.price.learning.learning_rate")
    distribution dist;
    std::string text;        //!< the distribution as written
    std::string where;       //!< where it was given, for messages: "sweep.yaml:12:5" or "--vary"
    bool operator==(const uncertain_input&) const = default;
};

/// A rank correlation between two inputs' normal scores (Gaussian copula).
struct input_correlation {
    std::string a, b;  //!< keys of two inputs
    double rho = 0.0;  //!< in (-1, 1)
    bool operator==(const input_correlation&) const = default;
};

/// A comparison in a stated event.
enum class comparison : std::uint8_t { less, less_equal, greater, greater_equal };

/// An event whose probability the summary states, e.g. "orbit_cheaper_than_ground_from < 2033".
struct stated_event {
    std::size_t output = 0;   //!< index into headline_outputs()
    comparison op = comparison::less;
    double threshold = 0.0;   //!< in the output's unit (a date: days since 2000-01-01)
    std::string text;         //!< as written
    bool operator==(const stated_event&) const = default;
};

/// Everything that defines a sweep besides the scenario.
struct sweep_spec {
    std::vector<uncertain_input> inputs;
    sampling_method method = sampling_method::latin_hypercube;
    /// monte_carlo, latin_hypercube, sobol: samples; saltelli: base points N (N (k + 2) runs); morris: trajectories
    /// r (r (k + 1) runs); grid: levels of each continuous input (a choice or grid input has its own).
    std::size_t samples = 100;
    std::uint64_t seed = 1;              //!< the sweep's seed: sampling, bootstrap and each sample's run seed
    std::size_t morris_levels = 4;       //!< p, even
    std::size_t bootstrap = 200;         //!< bootstrap resamples for the intervals
    std::vector<input_correlation> correlations;
    std::vector<stated_event> events;
    bool operator==(const sweep_spec&) const = default;
};

/// The samples of a sweep.
struct sweep_design {
    point_set points;                             //!< [sample][input] in [0, 1]
    std::vector<std::vector<std::string>> values; //!< [sample][input] scenario text ("17.25 %")
    std::vector<std::uint64_t> seeds;             //!< [sample] run seed
};

/// The run seed of sample `index`: the first draw of stream "sweep/sample/INDEX" of `sweep_seed`, below 2^63.
std::uint64_t sample_seed(std::uint64_t sweep_seed, std::size_t index);

/// The design of `spec`: points from its method (correlations through a Gaussian copula), values and seeds.
/// Throws input_error for a method that cannot take the spec (no inputs; correlations with grid, saltelli or
/// morris; too many inputs for the Sobol table).
sweep_design make_design(const sweep_spec& spec);

/// What a headline output holds.
enum class output_kind : std::uint8_t { number, date };

/// One headline output of a run.
struct output_def {
    std::string_view name;
    std::string_view unit;         //!< unit of the value ("USD/h"); a date's values are days since 2000-01-01
    output_kind kind = output_kind::number;
    std::string_view description;
};

/// The outputs results.csv has per sample, in column order.
const std::vector<output_def>& headline_outputs();
/// The index of output `name` in headline_outputs(), or headline_outputs().size().
std::size_t find_output(std::string_view name);
/// The headline outputs of a run, in headline_outputs() order. A date that never came is +infinity; an output
/// the run has not (no generation released) is NaN.
std::vector<double> headline_values(const sim::run_summary& summary);

/// Parses "OUTPUT < VALUE" (also <=, >, >=): a date output takes "2033" (1 January) or "2033-06-30".
/// Throws input_error naming the known outputs.
stated_event parse_event(std::string_view text);
/// Whether `value` satisfies the event (a date that never came, +infinity, is later than any date).
bool holds(const stated_event& event, double value);

/// What a sample gave.
struct sample_outcome {
    bool ok = false;
    std::vector<double> values;  //!< headline_values() when ok
    std::string error;           //!< the error's message when not ok
    bool operator==(const sample_outcome&) const = default;
};

/// One line of text for `outcome` ("ok\tv1,v2,..." or "error\tmessage" with tabs and newlines escaped) that
/// decode_outcome reads back exactly.
std::string encode_outcome(const sample_outcome& outcome);
/// Reads encode_outcome's text; throws input_error when it is not one.
sample_outcome decode_outcome(std::string_view text);

/// Statistics of one output over the samples that ran.
struct output_stats {
    std::size_t finite = 0;    //!< samples with a finite value
    std::size_t never = 0;     //!< samples where a date never came (+infinity)
    double mean = 0.0;         //!< over finite values
    double sd = 0.0;           //!< sample standard deviation over finite values
    std::array<double, 7> quantiles{};  //!< at quantile_levels, +infinity included as the latest value
};
/// The quantile levels of output_stats: 0, 5, 25, 50, 75, 95, 100 %.
inline constexpr std::array<double, 7> quantile_levels{0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0};

/// The probability of a stated event with its Wilson (1927) 95 % interval.
struct event_stats {
    std::size_t count = 0;  //!< samples where it held
    std::size_t ran = 0;    //!< samples that ran
    estimate probability;
};

/// Sensitivity of one target (an output or a stated event's indicator) to each input.
struct sensitivity {
    std::string target;                      //!< output name or event text
    std::vector<double> rank_correlation;    //!< Spearman's rho of each input with the target (any method)
    std::vector<sobol_index> sobol;          //!< saltelli only
    std::vector<morris_effect> morris;       //!< morris only
    std::string note;                        //!< why Sobol indices are missing, when they are
};

/// The statistics of a finished sweep.
struct sweep_summary {
    std::size_t samples = 0, ran = 0, failed = 0;
    std::vector<output_stats> outputs;   //!< per headline output
    std::vector<event_stats> events;     //!< per stated event
    std::vector<sensitivity> sensitivities;  //!< per output with any spread, then per event
};

/// Quantiles, event probabilities and sensitivities of `outcomes` (one per design sample).
sweep_summary summarize(const sweep_spec& spec, const sweep_design& design, const std::vector<sample_outcome>& outcomes);

}  // namespace kardashev::study
