/** The icon sizes shipped in resources/icons (freedesktop's usual set plus the 1024 px master for macOS). */
export const iconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
