import sys

inventory = {'apples': 3, 'pears': 0}
for item in ['apples', 'pears']:
    print(item, inventory[item])
print('about to fail', file=sys.stderr)
print(inventory['plums'])
