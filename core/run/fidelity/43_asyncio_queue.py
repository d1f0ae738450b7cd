import asyncio


async def producer(queue):
    for i in range(4):
        await queue.put(i)
        print('put', i)
    await queue.put(None)


async def consumer(queue):
    while (item := await queue.get()) is not None:
        print('took', item)
        await asyncio.sleep(0.01)


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
