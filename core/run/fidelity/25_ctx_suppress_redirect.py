import io
import os
from contextlib import redirect_stdout, suppress

with suppress(FileNotFoundError):
    os.remove('missing.txt')
print('nothing to remove')
buffer = io.StringIO()
with redirect_stdout(buffer):
    print('captured text')
print('buffer holds', repr(buffer.getvalue()))
with suppress(ZeroDivisionError):
    print('before')
    1 / 0
    print('never')
print('after')
