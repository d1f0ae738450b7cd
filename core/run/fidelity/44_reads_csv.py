import csv
from collections import Counter

with open('cars.csv', newline='') as f:
    rows = list(csv.DictReader(f))
print(len(rows), 'cars')
print(Counter(row['make'] for row in rows).most_common(2))
oldest = min(rows, key=lambda row: int(row['year']))
print('oldest', oldest['make'], oldest['year'])
with open('summary.csv', 'w', newline='') as f:
    writer = csv.writer(f)
    writer.writerow(['make', 'count'])
    for make, count in sorted(Counter(row['make'] for row in rows).items()):
        writer.writerow([make, count])
print(open('summary.csv').read())
