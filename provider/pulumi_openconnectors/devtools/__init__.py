"""What the tests, the benchmarks and the scripts of the source checkout share.

    paths       the checkout, its virtualenv
    announce    the line the emulator prints once it listens, and its parser
    launcher    the emulator in a subprocess (port announced, restartable on the same port)
    engine      the `pulumi` engine's bin directory, and the environment to run it in
    stack       a Pulumi project + stack driven through the real CLI
    s3_server   a local S3-compatible store for Pulumi state (versitygw)
    background  the detached emulator of `make up` (`python -m pulumi_openconnectors.emulator
                start|stop|status`)

Importing the package imports none of them (nor anything heavy): import the module you use.
Most need the source checkout (its scripts/ builds the engine and the S3 server).
"""
