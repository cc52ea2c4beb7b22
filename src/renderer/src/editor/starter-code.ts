/** What the editor shows for a session with no code yet: a Python skeleton that reads stdin. */
export const starterCode = `import sys


def main() -> None:
    data = sys.stdin.read().split()
    # VibeThinker's solution will appear here.


if __name__ == "__main__":
    main()
`;
