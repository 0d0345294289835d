// `kardashev sweep` through the CLI: the sweep folder, a failing sample recorded, byte-identical files for 1 and 2
// threads, for a sweep killed with SIGKILL and resumed, and for 2 Open MPI ranks; located errors for bad input.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using kardashev::testing::run_cli;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;

const std::string scenario = std::string(KD_SOURCE_DIR) + "/scenarios/default.yaml";
// Six samples of the default scenario; the grid's -5 % MFU is rejected by the scenario reader (sample 1 fails).
const std::string small_sweep = scenario + " --method grid --samples 2 --seed 5 --quiet"
                                " --vary 'training.mfu=grid(40%, -5%, 50%)' --vary 'economy.cost_of_capital=uniform(5%, 15%)'"
                                " --event 'total_capex_usd > 1e9'";
const char* const files[] = {"samples.csv", "results.csv", "summary.json", "report.html"};

void expect_same_folder(const fs::path& a, const fs::path& b) {
    for (const char* f : files) {
        ASSERT_TRUE(fs::exists(b / f)) << (b / f);
        EXPECT_EQ(slurp(a / f), slurp(b / f)) << f << " differs between " << a << " and " << b;
    }
}

std::size_t lines_in(const fs::path& p) {
    const auto text = slurp(p);
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(sweep_cli, writes_the_folder_records_a_failing_sample_and_gives_the_same_bytes_on_1_and_2_threads) {
    const auto root = temp_root("sweep_threads");
    const auto one = run_cli("sweep " + small_sweep + " --threads 1 --out " + (root / "one").string());
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_NE(one.out.find("6 samples (grid): 4 ran, 2 failed"), std::string::npos) << one.out;
    EXPECT_NE(one.out.find("P(total_capex_usd > 1e9)"), std::string::npos) << one.out;
    const auto results = slurp(root / "one" / "results.csv");
    EXPECT_EQ(results.rfind("sample,status,cost_per_accelerator_hour_usd,", 0), 0u) << results;
    EXPECT_NE(results.find("\n2,failed,"), std::string::npos) << results;
    EXPECT_NE(results.find("training.mfu"), std::string::npos) << results;  // the error names the key
    EXPECT_NE(slurp(root / "one" / "samples.csv").find("sample,seed,training.mfu,economy.cost_of_capital\n0,"), std::string::npos);
    EXPECT_NE(slurp(root / "one" / "summary.json").find("\"orbit_cheaper_than_ground_from\""), std::string::npos);
    EXPECT_NE(slurp(root / "one" / "report.html").find("<svg"), std::string::npos);
    EXPECT_FALSE(fs::exists(root / "one.partial"));
    const auto two = run_cli("sweep " + small_sweep + " --threads 2 --out " + (root / "two").string());
    ASSERT_EQ(two.code, 0) << two.err;
    expect_same_folder(root / "one", root / "two");
}

TEST(sweep_cli, a_sweep_killed_at_a_random_moment_and_resumed_writes_the_same_files) {
    const auto root = temp_root("sweep_resume");
    const auto whole = run_cli("sweep " + small_sweep + " --threads 2 --out " + (root / "whole").string());
    ASSERT_EQ(whole.code, 0) << whole.err;
    std::mt19937 pick(static_cast<unsigned>(std::random_device{}()));
    const auto killed = root / "killed";
    const auto pid_file = root / "pid";
    const std::string start = std::string(KD_CLI_PATH) + " sweep " + small_sweep + " --threads 2 --out " + killed.string() +
                              " >/dev/null 2>&1 & echo $! > " + pid_file.string();
    ASSERT_EQ(std::system(start.c_str()), 0);
    // Wait until 1 to 4 of the 6 samples are in the journal, then a random 0-100 ms more, then SIGKILL.
    const std::size_t wait_for = std::uniform_int_distribution<std::size_t>(1, 4)(pick);
    const auto journal = fs::path(killed.string() + ".partial") / "journal.tsv";
    for (int i = 0; i < 6000 && lines_in(journal) < wait_for && !fs::exists(killed); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 100)(pick)));
    const pid_t pid = std::stoi(slurp(pid_file));
    ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (!fs::exists(killed)) {
        const auto again = run_cli("sweep " + small_sweep + " --threads 2 --out " + killed.string());
        EXPECT_EQ(again.code, 2) << "a stopped sweep is not started over without --resume";
        EXPECT_NE(again.err.find("pass --resume to continue it"), std::string::npos) << again.err;
        const auto resumed = run_cli("sweep " + small_sweep + " --threads 2 --resume --out " + killed.string());
        ASSERT_EQ(resumed.code, 0) << resumed.err;
    }
    expect_same_folder(root / "whole", killed);
    EXPECT_FALSE(fs::exists(killed.string() + ".partial"));
}

TEST(sweep_cli, two_mpi_ranks_write_the_same_files_as_one_process) {
    if (!fs::exists("/usr/bin/mpirun")) GTEST_SKIP() << "Open MPI's mpirun is not installed (tools/setup.sh installs it)";
    const auto root = temp_root("sweep_mpi");
    const auto one = run_cli("sweep " + small_sweep + " --threads 1 --out " + (root / "one").string());
    ASSERT_EQ(one.code, 0) << one.err;
    const std::string mpi = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_plm_rsh_agent= "
                            "/usr/bin/mpirun -np 2 --oversubscribe " + std::string(KD_CLI_PATH) + " sweep " + small_sweep +
                            " --out " + (root / "ranks").string() + " > " + (root / "mpi.log").string() + " 2>&1";
    ASSERT_EQ(std::system(mpi.c_str()), 0) << slurp(root / "mpi.log");
    expect_same_folder(root / "one", root / "ranks");
}

TEST(sweep_cli, bad_inputs_exit_2_with_located_messages) {
    const auto root = temp_root("sweep_bad");
    const auto key = run_cli("sweep " + scenario + " --quiet --samples 2 --vary 'training.mfx=uniform(1%, 2%)' --out " + (root / "a").string());
    EXPECT_EQ(key.code, 2);
    EXPECT_NE(key.err.find("--vary: training.mfx: unknown key \"mfx\"; did you mean \"mfu\"?"), std::string::npos) << key.err;
    const auto dist = run_cli("sweep " + scenario + " --quiet --vary 'training.mfu=uniform(50%, 10%)' --out " + (root / "b").string());
    EXPECT_EQ(dist.code, 2);
    EXPECT_NE(dist.err.find("--vary \"training.mfu=uniform(50%, 10%)\": column 21: uniform(low, high): expected low < high"),
              std::string::npos) << dist.err;
    const auto file = root / "bad.yaml";
    std::ofstream(file) << "method: latin_hypercube\nsamples: 3\ninputs:\n  training.mfu: uniform(10%, 2 USD)\nevents:\n  - nothing < 3\n";
    const auto f = run_cli("sweep " + scenario + " " + file.string() + " --quiet --out " + (root / "c").string());
    EXPECT_EQ(f.code, 2);
    EXPECT_NE(f.err.find(file.string() + ":4:30: inputs.training.mfu: expected the unit of the first value (\"%\"), got \"USD\""),
              std::string::npos) << f.err;
    EXPECT_NE(f.err.find(file.string() + ":6:5: events[0]: event \"nothing < 3\": unknown output \"nothing\""), std::string::npos) << f.err;
}

}  // namespace
