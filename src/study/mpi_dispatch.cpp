#include "mpi_dispatch.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "kardashev/core/error.hpp"

#ifdef KD_HAVE_MPI
// The C API only: no deprecated C++ bindings.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace kardashev::study::detail {

#ifdef KD_HAVE_MPI

namespace {

constexpr int tag_request = 1;
constexpr int tag_work = 2;

std::string encode_finished(std::size_t index, const sample_outcome& outcome) {
    return std::to_string(index) + "\t" + encode_outcome(outcome);
}

}  // namespace

bool mpi_start(int& rank, int& size) {
    int provided = 0;
    // Only the main thread calls MPI; rank 0's sample threads share its queue, not MPI.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    return true;
}

void mpi_stop() { MPI_Finalize(); }

void mpi_abort(int code) { MPI_Abort(MPI_COMM_WORLD, code); }

void mpi_dispatch(shared_queue& queue, int size, const sample_receiver& receive) {
    int active = size - 1;
    while (active > 0) {
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &flag, &status);
        if (flag == 0) {
            // NOTE: polling with a sleep leaves rank 0's core to its sample threads (a blocking receive spins).
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            continue;
        }
        int length = 0;
        MPI_Get_count(&status, MPI_CHAR, &length);
        std::string message(static_cast<std::size_t>(length), '\0');
        MPI_Recv(message.data(), length, MPI_CHAR, status.MPI_SOURCE, tag_request, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (!message.empty()) {
            const auto tab = message.find('\t');
            const auto index = static_cast<std::size_t>(std::stoull(message.substr(0, tab)));
            queue.finish(index, decode_outcome(std::string_view(message).substr(tab + 1)), receive);
        }
        const auto next = queue.take();
        const std::int64_t reply = next ? static_cast<std::int64_t>(*next) : -1;
        MPI_Send(&reply, 1, MPI_INT64_T, status.MPI_SOURCE, tag_work, MPI_COMM_WORLD);
        if (!next) --active;
    }
}

void mpi_work(const sample_evaluator& evaluate) {
    std::string message;
    while (true) {
        MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, tag_request, MPI_COMM_WORLD);
        std::int64_t index = -1;
        MPI_Recv(&index, 1, MPI_INT64_T, 0, tag_work, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (index < 0) return;
        const auto i = static_cast<std::size_t>(index);
        message = encode_finished(i, evaluate(i));
    }
}

#else

bool mpi_start(int&, int&) { return false; }
void mpi_stop() {}
void mpi_abort(int) {}
void mpi_dispatch(shared_queue&, int, const sample_receiver&) {}
void mpi_work(const sample_evaluator&) {}

#endif

}  // namespace kardashev::study::detail
