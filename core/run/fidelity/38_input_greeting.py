name = input('What is your name? ')
print(f'Hello, {name}!')
total = 0
while True:
    try:
        line = input('Number (end with EOF): ')
    except EOFError:
        break
    total += int(line)
print('total', total)
