"""The Yieldscope probe: records a Python program's generators, iterators, deques and context managers."""
