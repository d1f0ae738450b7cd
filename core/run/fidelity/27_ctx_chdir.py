import os
from contextlib import chdir

os.mkdir('work')
start = os.getcwd()
with chdir('work'):
    with open('inside.txt', 'w') as f:
        f.write('written from inside work/')
    print(os.listdir('.'))
print(os.getcwd() == start, open('work/inside.txt').read())
