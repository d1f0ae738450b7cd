import asyncio
from contextlib import contextmanager

from yieldscope import now, run, sleep, spawn, work

# Starting a process costs time: an assumption of this model (threads and coroutines start for free).
PROCESS_START = 0.05


@contextmanager
def timed(label):
    start = now()
    yield label
    print(f"{label}: {now() - start:.2f} s")


# Each choice runs `count` copies of a job and waits for all of them.


def in_threads(job, count, *args):
    for _ in range(count):
        spawn(job, *args)
    run(cores=4)


def in_processes(job, count, *args):
    for _ in range(count):
        spawn(job, *args, process=True)
    run(cores=4)


async def together(job, count):
    await asyncio.gather(*(job() for _ in range(count)))


def in_coroutines(job, count):
    asyncio.run(together(job, count))


def compare(workload, threads, processes, coroutines):
    """Times the workload three ways; each way is (job, count, arguments of the job...)."""
    with timed(f"{workload}, threads"):
        in_threads(*threads)
    with timed(f"{workload}, processes"):
        in_processes(*processes)
    with timed(f"{workload}, coroutines"):
        in_coroutines(*coroutines)


# CPU-bound: four jobs, each one second of computing.


def compute():
    work(1.0)


def compute_in_process():
    work(PROCESS_START)
    work(1.0)


async def compute_async():
    work(1.0)


compare("CPU-bound", (compute, 4), (compute_in_process, 4), (compute_async, 4))


# Fast I/O, few connections: four requests, each a 0.1 s wait and a little computing.


def request():
    sleep(0.1)
    work(0.01)


def request_in_process():
    work(PROCESS_START)
    sleep(0.1)
    work(0.01)


async def request_async():
    await asyncio.sleep(0.1)
    work(0.01)


compare("fast I/O", (request, 4), (request_in_process, 4), (request_async, 4))


# Slow I/O, many connections: 200 clients, each keeping its connection 1 s. Threads and
# processes cost memory, so a server keeps a pool: 20 threads, or one process per core.


def serve(clients):
    for _ in range(clients):
        sleep(1.0)
        work(0.001)


def serve_in_process(clients):
    work(PROCESS_START)
    for _ in range(clients):
        sleep(1.0)
        work(0.001)


async def serve_async():
    await asyncio.sleep(1.0)
    work(0.001)


compare("slow I/O", (serve, 20, 10), (serve_in_process, 4, 50), (serve_async, 200))
