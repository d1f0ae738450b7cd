import os

os.makedirs('out/copies', exist_ok=True)
with open('words.txt') as source, open('out/copies/upper.txt', 'w') as target:
    for line in source:
        target.write(line.upper())
os.rename('out/copies/upper.txt', 'out/UPPER.txt')
print(sorted(os.listdir('out')), os.listdir('out/copies'))
os.rmdir('out/copies')
with open('out/UPPER.txt') as f:
    print(f.readline().strip())
with open('scratch.txt', 'w') as f:
    f.write('temporary')
os.remove('scratch.txt')
print(os.path.exists('scratch.txt'))
