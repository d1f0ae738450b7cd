from yieldscope import spawn, run

counter = 0


def add_preempted(times):
    global counter
    for _ in range(times):
        seen = counter
        counter = seen + 1


def add_cooperatively(times):
    global counter
    for _ in range(times):
        seen = counter
        counter = seen + 1
        yield


spawn(add_preempted, 20, name="thread A")
spawn(add_preempted, 20, name="thread B")
run()
print("threads counted", counter, "of 40")

counter = 0
spawn(add_cooperatively, 20, name="task A")
spawn(add_cooperatively, 20, name="task B")
run()
print("tasks counted", counter, "of 40")
