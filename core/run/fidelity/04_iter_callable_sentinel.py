tasks = ['wash', 'dry', 'STOP', 'fold']
for task in iter(tasks.pop, 'wash'):
    print('got', task)
print('left', tasks)
with open('words.txt') as f:
    for block in iter(lambda: f.read(7), ''):
        print(repr(block))
counter = iter(range(10).__iter__().__next__, 4)
print(list(counter))
