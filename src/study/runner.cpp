#include "kardashev/study/runner.hpp"

#include <algorithm>
#include <exception>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <tbb/global_control.h>

#include "mpi_dispatch.hpp"

namespace kardashev::study {

namespace {

/// True when an MPI launcher started this process.
bool launched_by_mpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
        if (std::getenv(name) != nullptr) return true;
    }
    return false;
}

}  // namespace

process_group& process_group::world() {
    static process_group group;
    return group;
}

process_group::process_group() {
    if (launched_by_mpi()) m_mpi = detail::mpi_start(m_rank, m_size);
}

void process_group::abort(int code) {
    if (m_mpi) detail::mpi_abort(code);
    std::exit(code);
}

process_group::~process_group() {
    if (m_mpi) detail::mpi_stop();
}

namespace {

/// The samples `todo` on `threads` threads of this process, and on `ranks - 1` other MPI ranks when ranks > 1.
void run_on_threads(const std::vector<std::size_t>& todo, const sample_evaluator& evaluate, std::size_t threads,
                    const sample_receiver& receive, int ranks) {
    // NOTE: samples are the parallel unit: the engine's TBB loops inside each run serially in its sample thread.
    // Two sample threads each entering TBB parallel loops ran slower than one thread (40 terawatt samples:
    // 15.2 s on 2 threads, 10.6 s on 1, 7.0 s on 2 MPI ranks; bench/README.md).
    const tbb::global_control serial_engine(tbb::global_control::max_allowed_parallelism, 1);
    detail::shared_queue queue{todo};
    std::vector<std::thread> pool;
    std::exception_ptr failure;  // the first exception of a thread (`receive` could not record), rethrown here
    std::mutex failure_mutex;
    for (std::size_t t = 0; t < std::max<std::size_t>(threads, 1); ++t) {
        pool.emplace_back([&] {
            try {
                while (const auto index = queue.take()) queue.finish(*index, evaluate(*index), receive);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                queue.drain();
            }
        });
    }
    if (ranks > 1) detail::mpi_dispatch(queue, ranks, receive);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

void run_samples(const std::vector<std::size_t>& todo, const sample_evaluator& evaluate, std::size_t threads,
                 const sample_receiver& receive) {
    auto& group = process_group::world();
    if (group.rank() != 0) {
        detail::mpi_work(evaluate);
        return;
    }
    run_on_threads(todo, evaluate, threads, receive, group.size());
}

void run_samples_here(const std::vector<std::size_t>& todo, const sample_evaluator& evaluate, std::size_t threads,
                      const sample_receiver& receive) {
    run_on_threads(todo, evaluate, threads, receive, 1);
}

}  // namespace kardashev::study
