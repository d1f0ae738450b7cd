letters = ["a", "b", "c", "d", "e"]
print("first and last:", letters[0], letters[len(letters) - 1])
print("a slice [1:3] holds 3 - 1 items:", letters[1:3])
print("cut at 2 and joined again:", letters[:2] + letters[2:] == letters)

point = (3, 4)
try:
    point[0] = 5
except TypeError as error:
    print("a tuple is immutable:", error)

numbers = [1, 2, 3]
alias = numbers
numbers.append(4)
numbers.extend([5, 6])
numbers.insert(0, 0)
numbers.pop()
numbers += [6]
numbers[1:3] = ["one", "two"]
numbers *= 2
print("in place, alias sees it all:", alias is numbers, len(alias))
numbers.clear()
print("cleared through numbers, alias is", alias)

numbers = [1, 2, 3]
alias = numbers
numbers = numbers + [4]
print("+ made a new list:", alias is numbers, alias, numbers)
print("so does a slice:", numbers[:] is numbers)

row = [0] * 3
board = [row] * 3
board[0][0] = "X"
print("one row, three references:", board, board[0] is board[2])

board = [[0] * 3 for _ in range(3)]
board[0][0] = "X"
print("three rows:", board, board[0] is board[2])
