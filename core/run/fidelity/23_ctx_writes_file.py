with open('log.txt', 'w') as log:
    log.write('first line\n')
    print('closed inside?', log.closed)
print('closed after?', log.closed)
with open('log.txt', 'a') as log:
    print('second line', file=log)
with open('log.txt') as log:
    print(log.read().splitlines())
with open('data.bin', 'wb') as f:
    f.write(bytes(range(8)))
print(open('data.bin', 'rb').read())
