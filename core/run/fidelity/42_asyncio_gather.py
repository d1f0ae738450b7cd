import asyncio


async def job(name, delay):
    print('start', name)
    await asyncio.sleep(delay)
    print('end', name)
    return name.upper()


async def main():
    results = await asyncio.gather(job('slow', 0.3), job('fast', 0.1), job('mid', 0.2))
    print(results)


asyncio.run(main())
